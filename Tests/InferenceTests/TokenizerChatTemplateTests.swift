import Testing

@testable import Inference

@Suite struct ChatTemplateTests {
  /// `tokenizer.chat_template` of SmolLM2-135M-Instruct, verbatim.
  static let smolLM2 =
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"

  /// The part of Qwen2.5's template that holds its default system prompt (escaped newlines).
  static let qwenLike =
    "{%- if tools %}{{- '<|im_start|>system\\n' }}{%- if messages[0]['role'] == 'system' %}{{- messages[0]['content'] }}{%- endif %}{%- else %}{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}{%- else %}{{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}{%- endif %}{%- endif %}"

  @Test func nonChatMLTemplatesAreNotRecognised() {
    #expect(ChatTemplate.recognise(nil) == nil)
    #expect(ChatTemplate.recognise("{{ bos_token }}[INST] {{ message }} [/INST]") == nil)
  }

  @Test func smolLM2InsertsItsDefaultSystemPrompt() throws {
    let template = try #require(ChatTemplate.recognise(Self.smolLM2))
    let text = template.render(
      [ChatMessage(role: "user", content: "Hi")], addGenerationPrompt: true)
    #expect(
      text
        == "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    )
  }

  @Test func givenSystemMessageReplacesTheDefault() throws {
    let template = try #require(ChatTemplate.recognise(Self.smolLM2))
    let text = template.render(
      [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Q")],
      addGenerationPrompt: false)
    #expect(text == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nQ<|im_end|>\n")
  }

  @Test func escapedNewlinesInTheTemplateAreRead() throws {
    let template = try #require(ChatTemplate.recognise(Self.qwenLike))
    #expect(
      template.defaultSystemPrompt
        == "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.")
  }

  @Test func plainChatMLHasNoDefaultSystemPrompt() throws {
    let plain =
      "{% for m in messages %}{{'<|im_start|>' + m['role'] + '\n' + m['content'] + '<|im_end|>\n'}}{% endfor %}"
    let template = try #require(ChatTemplate.recognise(plain))
    #expect(template.defaultSystemPrompt == nil)
    #expect(
      template.render([ChatMessage(role: "user", content: "x")], addGenerationPrompt: true)
        == "<|im_start|>user\nx<|im_end|>\n<|im_start|>assistant\n")
  }
}
