// llama_reference: answers JSON-lines requests with llama.cpp's own results, for fixtures.
//
// For comparison only: this program is built against a llama.cpp build cached under
// $RAGLAB_HOME (scripts/build-reference.sh) and is never linked into raglab.
//
// Usage: llama_reference MODEL.gguf < requests.jsonl > answers.jsonl
// One request per line, one answer per line, in order:
//   {"op":"tokenize","text":S}                       -> {"tokens":[…]}
//   {"op":"next","prompt":S,"top":K,"hidden":B}      -> {"n_tokens":N,"top":[[id,logit],…],"hidden":[…]?}
//   {"op":"generate","prompt":S,"max_tokens":M}      -> {"n_prompt":N,"tokens":[…],"text":S,"stop":"eog"|"max_tokens"}
// Text is tokenized with parse_special=true and add_special=false (no BOS), like raglab.
// "top" holds raw logits, highest first (ties: lower id first). "hidden" is the final hidden
// state of the last prompt token after the output RMS norm (llama.cpp's `result_norm`, read with
// llama_get_embeddings_ith under pooling NONE). Generation is greedy (argmax of raw logits),
// stops after an end-of-generation token (not included) or max_tokens.
// With --check-hidden the program also captures, through the graph callback, the input of the
// output head (src[1] of the `result_output` mul_mat) and reports the largest difference from the
// embeddings output (expected: 0) and that tensor's name (the final norm, renamed
// `result_embd_pooled` by the pooling-NONE step).

#include "ggml-backend.h"
#include "ggml.h"
#include "llama.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "json_lite.h"

static const int kContext = 4096;

struct Reference {
    llama_model * model = nullptr;
    llama_context * ctx = nullptr;
    const llama_vocab * vocab = nullptr;
    int n_vocab = 0;
    int n_embd = 0;
    bool check_hidden = false;
    std::vector<float> captured_norm;  // last row of the output head's input, from the graph callback
    std::string captured_name;
    bool capturing = false;
};

// Graph callback that copies the last row of the input of the output head (`result_output` =
// mul_mat(output.weight, x); x is src[1]), used only by --check-hidden.
static bool capture_head_input(struct ggml_tensor * t, bool ask, void * user) {
    auto * ref = static_cast<Reference *>(user);
    if (strcmp(t->name, "result_output") != 0) {
        return ask ? false : true;
    }
    if (ask) {
        return true;
    }
    const ggml_tensor * x = t->src[1];
    const int64_t cols = x->ne[0];
    const int64_t rows = x->ne[1];
    if (!ref->capturing || rows == 0) {  // only the hidden-state decode; ubatches may have no outputs
        return true;
    }
    if (x->type != GGML_TYPE_F32 || !ggml_is_contiguous(x)) {
        fprintf(stderr, "--check-hidden: head input %s is not contiguous f32\n", x->name);
        return true;
    }
    std::vector<float> all(cols * rows);
    ggml_backend_tensor_get(const_cast<ggml_tensor *>(x), all.data(), 0, all.size() * sizeof(float));
    ref->captured_norm.assign(all.end() - cols, all.end());
    ref->captured_name = x->name;
    return true;
}

static std::vector<llama_token> tokenize(const Reference & ref, const std::string & text) {
    int n = -llama_tokenize(ref.vocab, text.data(), (int32_t) text.size(), nullptr, 0, false, true);
    if (n <= 0) {
        n = (int) text.size() + 8;
    }
    std::vector<llama_token> tokens(n);
    int got = llama_tokenize(ref.vocab, text.data(), (int32_t) text.size(), tokens.data(), n, false, true);
    if (got < 0) {
        fprintf(stderr, "tokenize failed (%d)\n", got);
        exit(1);
    }
    tokens.resize(got);
    return tokens;
}

// Decodes `tokens` appended to the cache; requests output only for the last one.
static void decode(Reference & ref, const std::vector<llama_token> & tokens) {
    llama_batch batch = llama_batch_init((int32_t) tokens.size(), 0, 1);
    const llama_pos start = llama_memory_seq_pos_max(llama_get_memory(ref.ctx), 0) + 1;
    for (size_t i = 0; i < tokens.size(); i++) {
        batch.token[i] = tokens[i];
        batch.pos[i] = start + (llama_pos) i;
        batch.n_seq_id[i] = 1;
        batch.seq_id[i][0] = 0;
        batch.logits[i] = (i + 1 == tokens.size());
    }
    batch.n_tokens = (int32_t) tokens.size();
    int rc = llama_decode(ref.ctx, batch);
    llama_batch_free(batch);
    if (rc != 0) {
        fprintf(stderr, "llama_decode failed (%d) for %zu tokens\n", rc, tokens.size());
        exit(1);
    }
}

static void reset(Reference & ref) {
    llama_memory_clear(llama_get_memory(ref.ctx), true);
}

static std::vector<int> top_ids(const float * logits, int n_vocab, int k) {
    std::vector<int> ids(n_vocab);
    std::iota(ids.begin(), ids.end(), 0);
    k = std::min(k, n_vocab);
    std::partial_sort(ids.begin(), ids.begin() + k, ids.end(), [&](int a, int b) {
        return logits[a] > logits[b] || (logits[a] == logits[b] && a < b);
    });
    ids.resize(k);
    return ids;
}

static std::string detokenize(const Reference & ref, const std::vector<llama_token> & tokens) {
    std::string out(tokens.size() * 16 + 16, '\0');
    int n = llama_detokenize(ref.vocab, tokens.data(), (int32_t) tokens.size(), out.data(), (int32_t) out.size(),
                             false, false);
    if (n < 0) {
        out.resize(-n);
        n = llama_detokenize(ref.vocab, tokens.data(), (int32_t) tokens.size(), out.data(), (int32_t) out.size(),
                             false, false);
    }
    out.resize(std::max(n, 0));
    return out;
}

static std::string answer_tokenize(Reference & ref, const json_lite::Object & req) {
    auto tokens = tokenize(ref, req.str("text"));
    return "{\"tokens\":" + json_lite::ints(tokens) + "}";
}

static std::string answer_next(Reference & ref, const json_lite::Object & req) {
    const int k = (int) req.num("top", 20);
    const bool hidden = req.boolean("hidden", false);
    auto tokens = tokenize(ref, req.str("prompt"));
    if (tokens.empty() || (int) tokens.size() >= kContext) {
        fprintf(stderr, "prompt of %zu tokens out of range\n", tokens.size());
        exit(1);
    }
    reset(ref);
    std::string out = "{\"n_tokens\":" + std::to_string(tokens.size());
    if (!hidden) {
        decode(ref, tokens);
    } else {
        // Embeddings on (pooling NONE) makes llama.cpp output every token of the batch, so the
        // prefix is decoded without them and only the last token with them.
        std::vector<llama_token> prefix(tokens.begin(), tokens.end() - 1);
        if (!prefix.empty()) {
            decode(ref, prefix);
        }
        llama_set_embeddings(ref.ctx, true);
        ref.captured_norm.clear();
        ref.capturing = true;
        decode(ref, {tokens.back()});
        ref.capturing = false;
        const float * h = llama_get_embeddings_ith(ref.ctx, -1);
        if (!h) {
            fprintf(stderr, "no embeddings returned\n");
            exit(1);
        }
        std::vector<float> hv(h, h + ref.n_embd);
        llama_set_embeddings(ref.ctx, false);
        if (ref.check_hidden) {
            double worst = ref.captured_norm.size() == hv.size() ? 0.0 : INFINITY;
            for (size_t i = 0; i < hv.size() && std::isfinite(worst); i++) {
                worst = std::max(worst, (double) std::fabs(hv[i] - ref.captured_norm[i]));
            }
            out += ",\"hidden_vs_head_input_max_abs\":" + json_lite::number(worst) + ",\"head_input\":" +
                   json_lite::quote(ref.captured_name);
        }
        out += ",\"hidden\":" + json_lite::floats(hv);
    }
    const float * logits = llama_get_logits_ith(ref.ctx, -1);
    out += ",\"top\":[";
    auto ids = top_ids(logits, ref.n_vocab, k);
    for (size_t i = 0; i < ids.size(); i++) {
        out += (i ? ",[" : "[") + std::to_string(ids[i]) + "," + json_lite::number(logits[ids[i]]) + "]";
    }
    return out + "]}";
}

static std::string answer_generate(Reference & ref, const json_lite::Object & req) {
    const int max_tokens = (int) req.num("max_tokens", 32);
    auto tokens = tokenize(ref, req.str("prompt"));
    reset(ref);
    decode(ref, tokens);
    std::vector<llama_token> generated;
    std::string stop = "max_tokens";
    for (int step = 0; step < max_tokens; step++) {
        const float * logits = llama_get_logits_ith(ref.ctx, -1);
        llama_token next = top_ids(logits, ref.n_vocab, 1)[0];
        if (llama_vocab_is_eog(ref.vocab, next)) {
            stop = "eog";
            break;
        }
        generated.push_back(next);
        if (step + 1 < max_tokens) {
            decode(ref, {next});
        }
    }
    return "{\"n_prompt\":" + std::to_string(tokens.size()) + ",\"tokens\":" + json_lite::ints(generated) +
           ",\"text\":" + json_lite::quote(detokenize(ref, generated)) + ",\"stop\":\"" + stop + "\"}";
}

static void quiet_log(enum ggml_log_level level, const char * text, void *) {
    if (level == GGML_LOG_LEVEL_ERROR) {
        fputs(text, stderr);
    }
}

int main(int argc, char ** argv) {
    Reference ref;
    const char * model_path = nullptr;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--check-hidden") == 0) {
            ref.check_hidden = true;
        } else {
            model_path = argv[i];
        }
    }
    if (!model_path) {
        fprintf(stderr, "usage: %s [--check-hidden] MODEL.gguf < requests.jsonl\n", argv[0]);
        return 2;
    }
    llama_log_set(quiet_log, nullptr);
    llama_backend_init();

    llama_model_params mparams = llama_model_default_params();
    mparams.n_gpu_layers = 0;
    ref.model = llama_model_load_from_file(model_path, mparams);
    if (!ref.model) {
        fprintf(stderr, "cannot load %s\n", model_path);
        return 1;
    }
    llama_context_params cparams = llama_context_default_params();
    cparams.n_ctx = kContext;
    cparams.n_batch = kContext;
    // 2 threads as raglab; REF_THREADS overrides (results do not depend on it: ggml splits rows
    // between threads). On an oversubscribed machine 1 thread avoids ggml's spin-waiting.
    const char * threads_env = getenv("REF_THREADS");
    const int threads = threads_env ? atoi(threads_env) : 2;
    cparams.n_threads = threads;
    cparams.n_threads_batch = threads;
    cparams.pooling_type = LLAMA_POOLING_TYPE_NONE;
    // Flash attention off: llama.cpp's CPU flash-attention kernel accumulates V·softmax in F16 and
    // splits the keys between threads, which moves logits by ~0.2 and makes them depend on the
    // thread count; the plain path (F16 KV cache, F32 softmax) is deterministic.
    // REF_FLASH_ATTN=1 turns it on, to measure how far llama.cpp moves from itself.
    const char * fa_env = getenv("REF_FLASH_ATTN");
    cparams.flash_attn_type = fa_env && atoi(fa_env) == 1 ? LLAMA_FLASH_ATTN_TYPE_ENABLED
                                                          : LLAMA_FLASH_ATTN_TYPE_DISABLED;
    // REF_UBATCH sets the micro-batch (default 512): prompts are evaluated in chunks of that many
    // tokens, which changes only the order of floating-point sums (to measure llama.cpp against itself).
    const char * ubatch_env = getenv("REF_UBATCH");
    if (ubatch_env) cparams.n_ubatch = atoi(ubatch_env);
    cparams.embeddings = false;
    cparams.no_perf = true;
    if (ref.check_hidden) {
        cparams.cb_eval = capture_head_input;
        cparams.cb_eval_user_data = &ref;
    }
    ref.ctx = llama_init_from_model(ref.model, cparams);
    if (!ref.ctx) {
        fprintf(stderr, "cannot create context\n");
        return 1;
    }
    ref.vocab = llama_model_get_vocab(ref.model);
    ref.n_vocab = llama_vocab_n_tokens(ref.vocab);
    ref.n_embd = llama_model_n_embd(ref.model);

    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty()) {
            continue;
        }
        json_lite::Object req = json_lite::parse_object(line);
        const std::string op = req.str("op");
        std::string answer;
        if (op == "tokenize") {
            answer = answer_tokenize(ref, req);
        } else if (op == "next") {
            answer = answer_next(ref, req);
        } else if (op == "generate") {
            answer = answer_generate(ref, req);
        } else {
            fprintf(stderr, "unknown op '%s'\n", op.c_str());
            return 1;
        }
        fputs(answer.c_str(), stdout);
        fputc('\n', stdout);
        fflush(stdout);
    }
    llama_free(ref.ctx);
    llama_model_free(ref.model);
    llama_backend_free();
    return 0;
}
