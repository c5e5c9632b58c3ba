// Runs one prompt (stdin) through llama.cpp and prints, as one JSON object, the last token's
// per-layer tensors of layer 0 and every layer output (`l_out-N`), plus all next-token logits.
// Comparison tool only (never linked into raglab). Built and run by scripts/numerics/layer0.py.
// Usage: layer_dump MODEL.gguf [FLASH_ATTN: 0 off (default) | 1 on] < prompt.txt
#include "ggml-backend.h"
#include "ggml.h"
#include "llama.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

struct Captured {
    std::vector<std::pair<std::string, std::vector<float>>> tensors;
};

static bool wanted(const char * name) {
    static const char * prefixes[] = {"l_out-", "attn_norm-0", "Qcur-0", "Kcur-0", "Vcur-0",
                                      "kqv_out-0", "attn_out-0", "ffn_inp-0", "ffn_norm-0", "ffn_out-0"};
    for (const char * p : prefixes) {
        if (strncmp(name, p, strlen(p)) == 0 && !strstr(name, "(view)") && !strstr(name, "(permuted)")) {
            return true;
        }
    }
    return false;
}

// Keeps the last token's row (for Q/K/V: all heads of the last token) of each wanted F32 tensor.
static bool capture(struct ggml_tensor * t, bool ask, void * user) {
    if (ask) {
        return wanted(t->name);
    }
    if (!wanted(t->name) || t->type != GGML_TYPE_F32 || !ggml_is_contiguous(t)) {
        return true;
    }
    const int64_t n = ggml_nelements(t);
    std::vector<float> all(n);
    ggml_backend_tensor_get(t, all.data(), 0, n * sizeof(float));
    const bool per_head = strncmp(t->name, "Qcur", 4) == 0 || strncmp(t->name, "Kcur", 4) == 0 ||
                          strncmp(t->name, "Vcur", 4) == 0;
    const int64_t row = per_head ? t->ne[0] * t->ne[1] : t->ne[0];
    auto * out = static_cast<Captured *>(user);
    out->tensors.push_back({t->name, std::vector<float>(all.end() - row, all.end())});
    return true;
}

int main(int argc, char ** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: layer_dump MODEL.gguf [0|1] < prompt.txt\n");
        return 2;
    }
    std::string prompt((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    llama_log_set([](ggml_log_level, const char *, void *) {}, nullptr);
    llama_backend_init();
    llama_model * model = llama_model_load_from_file(argv[1], llama_model_default_params());
    if (!model) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 1;
    }
    Captured captured;
    llama_context_params cp = llama_context_default_params();
    cp.n_ctx = 4096;
    cp.n_batch = 4096;
    cp.n_threads = cp.n_threads_batch = 2;
    cp.flash_attn_type = argc > 2 && atoi(argv[2]) == 1 ? LLAMA_FLASH_ATTN_TYPE_ENABLED
                                                         : LLAMA_FLASH_ATTN_TYPE_DISABLED;
    cp.cb_eval = capture;
    cp.cb_eval_user_data = &captured;
    llama_context * ctx = llama_init_from_model(model, cp);
    const llama_vocab * vocab = llama_model_get_vocab(model);
    std::vector<llama_token> tokens(prompt.size() + 8);
    const int n = llama_tokenize(vocab, prompt.data(), (int32_t) prompt.size(), tokens.data(),
                                 (int32_t) tokens.size(), false, true);
    tokens.resize(n);
    llama_batch batch = llama_batch_init(n, 0, 1);
    for (int i = 0; i < n; i++) {
        batch.token[i] = tokens[i];
        batch.pos[i] = i;
        batch.n_seq_id[i] = 1;
        batch.seq_id[i][0] = 0;
        batch.logits[i] = i == n - 1;
    }
    batch.n_tokens = n;
    if (llama_decode(ctx, batch) != 0) {
        fprintf(stderr, "llama_decode failed\n");
        return 1;
    }
    printf("{\"tokens\":[");
    for (int i = 0; i < n; i++) printf(i ? ",%d" : "%d", tokens[i]);
    printf("]");
    for (auto & [name, values] : captured.tensors) {
        printf(",\"%s\":[", name.c_str());
        for (size_t i = 0; i < values.size(); i++) printf(i ? ",%.9g" : "%.9g", values[i]);
        printf("]");
    }
    const float * logits = llama_get_logits_ith(ctx, -1);
    printf(",\"logits\":[");
    for (int i = 0; i < llama_vocab_n_tokens(vocab); i++) printf(i ? ",%.7g" : "%.7g", logits[i]);
    printf("]}\n");
    llama_batch_free(batch);
    llama_free(ctx);
    llama_model_free(model);
    return 0;
}
