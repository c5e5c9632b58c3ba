"""Inputs for the llama.cpp reference fixtures: hard strings and RAG prompts built from SQuAD dev."""

import random

# (name, text): strings that break naive byte-level BPE implementations.
HARD_STRINGS = [
    ("empty", ""),
    ("single-letter", "a"),
    ("single-space", " "),
    ("single-newline", "\n"),
    ("only-spaces", "        "),
    ("only-newlines", "\n\n\n\n"),
    ("cjk-chinese", "北京是中华人民共和国的首都，也是全国的政治和文化中心。"),
    ("cjk-japanese", "東京タワーは高さ333メートルです。ひらがなとカタカナと漢字。"),
    ("korean", "한국어 문장입니다. 안녕하세요, 세계!"),
    ("thai", "สวัสดีครับ ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ กรุงเทพมหานคร"),
    ("vietnamese", "Tiếng Việt có dấu: Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh."),
    ("mixed-scripts", "English, Русский, Ελληνικά, עברית, العربية, हिन्दी, 中文, 日本語 and ✓ symbols"),
    ("accents-nfc", "café naïve résumé Ångström Øresund São Paulo Zürich crème brûlée façade"),
    ("accents-nfd", "cafe\u0301 nai\u0308ve re\u0301sume\u0301 A\u030angstro\u0308m"),
    ("emoji-zwj", "Family: 👨\u200d👩\u200d👧\u200d👦, rainbow flag 🏳️\u200d🌈, coder 🧑\u200d💻, thumbs 👍🏽"),
    ("emoji-flags-keycaps", "🇫🇷🇯🇵🇺🇸 keycaps 1️⃣ #️⃣ *️⃣ and ❤️ vs ❤"),
    ("emoji-run", "🙂🙃😀😃😄😁😆😅🤣😂 ok"),
    ("zero-width-nbsp", "non\u00a0breaking\u200bzero\u200dwidth\ufeffbom\u2009thin\u3000ideographic"),
    ("crlf", "line one\r\nline two\r\n\r\nline four\r\nend\r"),
    ("lone-cr", "a\rb\r\rc"),
    ("space-runs", "a  b   c    d     e          f"),
    ("tabs-newlines", "\t\tindented\n\n\n\tthen\t \n \n  mixed   \t\n"),
    ("leading-trailing", "   leading and trailing   "),
    ("newline-words", "\nHello\n World \n\n  indented\n\n\n\nfar"),
    ("code-python", "def f(x):\n    return x**2 + 1  # square\n\n\nprint(f(3))\n"),
    ("code-swift", "let xs = [1, 2, 3].map { $0 * 2 }\nif xs.count > 2 {\n\tprint(\"ok\")\n}\n"),
    ("code-c", "int main(void){for(int i=0;i<10;++i)printf(\"%d\\n\",i);return 0;}"),
    ("json", '{"key": [1, 2.5e-3, null, true], "nested": {"a": "b\\n"}}'),
    ("numbers", "1234567 12345678901234567890 3.14159 -0.001 1,000,000 2024-11-28 $1,234.56 0x1F 007"),
    ("digits-letters", "abc123def 4567xyz 3rd 21st 1990s 10am 5km/h 1e10"),
    ("contractions", "I'll we'll you'LL it's IT'S He'S don't DON'T they've I'd we're 'tis Bob's"),
    ("apostrophes", "O'Neill's rock'n'roll ’s curly-apostrophe’s ''double'' '"),
    ("punctuation", "Wait... what?!?! —— «quoted» „German“ “curly” ‘single’ (parens) [brackets] {braces}"),
    ("math", "∑_{i=1}^{n} i² = n(n+1)/2 ≤ ∞; α β γ δ → ∀x ∃y ½ ⅓"),
    ("url-email", "https://example.com/path?q=1&r=two#frag mailto:user@example.org C:\\Users\\x"),
    ("long-words", "Pneumonoultramicroscopicsilicovolcanoconiosis supercalifragilisticexpialidocious"),
    ("chatml", "<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n"
               "<|im_start|>assistant\n"),
    ("chatml-adjacent", "<|im_start|><|im_end|><|im_start|>user<|im_end|>text<|im_start|>  <|im_end|>\n\n"),
    ("special-lookalikes", "<|im_start |> <im_start> <|endoftext|> <|unknown|> < |im_end| >"),
    ("squad-quotes", 'The "Super Bowl 50" was played on February 7, 2016, at Levi\'s Stadium.'),
]

SYSTEMS = [
    "You are a helpful assistant. Answer the question using only the passages provided. Answer briefly.",
    "You are a helpful AI assistant named SmolLM, trained by Hugging Face",
]


def chatml(system, user):
    """SmolLM2's chat format with the assistant turn opened."""
    return (f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
            f"<|im_start|>assistant\n")


def rag_user(passages, question, titled):
    parts = ["Answer the question based on the passages below.", ""]
    for i, (title, text) in enumerate(passages):
        head = f"Passage {i + 1} ({title}):" if titled else f"Passage {i + 1}:"
        parts += [head, text, ""]
    parts.append(f"Question: {question}")
    return "\n".join(parts)


def _paragraphs(squad):
    return [(a["title"].replace("_", " "), p) for a in squad["data"] for p in a["paragraphs"]]


def rag_prompts(squad, count, max_tokens, count_tokens, seed=2026, long_every=15):
    """`count` ChatML RAG prompts with 1-5 passages (gold among distractors), at most max_tokens.

    Passages are short paragraphs (< 500 characters), except every `long_every`-th prompt, which
    has 5 passages drawn from the 40 longest paragraphs so that its length reaches towards
    max_tokens; passages are dropped (longest distractor first) when over.
    """
    rng = random.Random(seed)
    paragraphs = _paragraphs(squad)
    longest = sorted(range(len(paragraphs)), key=lambda i: -len(paragraphs[i][1]["context"]))[:40]
    short = [i for i in range(len(paragraphs)) if len(paragraphs[i][1]["context"]) < 500]
    prompts = []
    for n in range(count):
        is_long = n % long_every == long_every - 1
        k = 5 if is_long else 1 + n % 5
        gold = rng.choice(short)
        title, para = paragraphs[gold]
        question = rng.choice(para["qas"])["question"]
        pool = longest if is_long else short
        distractors = [i for i in rng.sample(list(pool), k) if i != gold][: k - 1]
        chosen = distractors + [gold]
        rng.shuffle(chosen)
        system = SYSTEMS[n % 2]
        titled = n % 4 == 1
        while True:
            passages = [(paragraphs[i][0], paragraphs[i][1]["context"]) for i in chosen]
            prompt = chatml(system, rag_user(passages, question, titled))
            if len(chosen) == 1 or count_tokens(prompt) <= max_tokens:
                break
            chosen.remove(max((i for i in chosen if i != gold), key=lambda i: len(paragraphs[i][1]["context"])))
        prompts.append({"id": f"rag-{n:02d}", "passages": len(chosen), "prompt": prompt})
    return prompts


def generation_prompts(squad, count, seed=7):
    """`count` prompts for greedy generation: short RAG prompts, and a few closed-book questions."""
    rng = random.Random(seed)
    paragraphs = _paragraphs(squad)
    short = [i for i in range(len(paragraphs)) if len(paragraphs[i][1]["context"]) < 700]
    prompts = []
    for n in range(count):
        title, para = paragraphs[rng.choice(short)]
        question = rng.choice(para["qas"])["question"]
        if n % 4 == 3:
            prompt = chatml(SYSTEMS[1], question)
            kind = "closed-book"
        else:
            passages = [(title, para["context"])]
            if n % 2 == 1:
                other = paragraphs[rng.choice(short)]
                passages.append((other[0], other[1]["context"]))
            prompt = chatml(SYSTEMS[0], rag_user(passages, question, titled=False))
            kind = f"rag-{len(passages)}"
        prompts.append({"id": f"gen-{n:02d}", "kind": kind, "prompt": prompt})
    return prompts
