import GRDB

/// Registers the tables for experiments, conditions, trials and the generation cache.
///
/// `trial` is UNIQUE(conditionId, questionId), so a rerun can only fill gaps, never duplicate.
func registerResultsMigrations(_ migrator: inout DatabaseMigrator) {
  migrator.registerMigration("results-v1") { db in
    try db.create(table: "experiment") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("name", .text).notNull().indexed()
      t.column("specYAML", .text).notNull()
      t.column("specHash", .text).notNull()
      t.column("modelSHA256", .text).notNull()
      t.column("dataChecksum", .text).notNull()
      t.column("gitCommit", .text).notNull()
      t.column("raglabVersion", .text).notNull()
      t.column("startedAt", .datetime).notNull()
      t.column("finishedAt", .datetime)
      t.uniqueKey(["specHash", "modelSHA256", "dataChecksum"])
    }
    try db.create(table: "condition") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("experiment", onDelete: .cascade).notNull()
      t.column("keysJSON", .text).notNull()
      t.column("position", .integer).notNull()
      t.uniqueKey(["experimentId", "keysJSON"])
    }
    try db.create(table: "trial") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("experiment", onDelete: .cascade).notNull()
      t.belongsTo("condition", onDelete: .cascade).notNull()
      t.column("questionId", .text).notNull()
      t.column("passageIdsJSON", .text).notNull()
      t.column("promptHash", .text).notNull()
      t.column("promptTokenCount", .integer).notNull()
      t.column("answer", .text).notNull()
      t.column("outputTokensJSON", .text).notNull()
      t.column("logprobsJSON", .text).notNull()
      t.column("metricsJSON", .text).notNull()
      t.column("prefillSeconds", .double).notNull()
      t.column("generateSeconds", .double).notNull()
      t.column("fromCache", .boolean).notNull()
      t.column("createdAt", .datetime).notNull()
      t.uniqueKey(["conditionId", "questionId"])
    }
    try db.create(table: "generationCache") { t in
      t.column("modelSHA256", .text).notNull()
      t.column("promptHash", .text).notNull()
      t.column("decodingHash", .text).notNull()
      t.column("answer", .text).notNull()
      t.column("outputTokensJSON", .text).notNull()
      t.column("logprobsJSON", .text).notNull()
      t.column("stopReason", .text).notNull()
      t.column("promptTokenCount", .integer).notNull()
      t.primaryKey(["modelSHA256", "promptHash", "decodingHash"])
    }
  }
  migrator.registerMigration("results-v2") { db in
    // Entries keyed by model sha256 alone could mix backends, KV-cache types and engine versions;
    // they cannot be re-keyed, so they are dropped (the trials keep their answers).
    try db.drop(table: "generationCache")
    try db.create(table: "generationCache") { t in
      t.column("generatorKey", .text).notNull()
      t.column("generatorJSON", .text).notNull()
      t.column("promptHash", .text).notNull()
      t.column("decodingHash", .text).notNull()
      t.column("answer", .text).notNull()
      t.column("outputTokensJSON", .text).notNull()
      t.column("logprobsJSON", .text).notNull()
      t.column("stopReason", .text).notNull()
      t.column("promptTokenCount", .integer).notNull()
      t.primaryKey(["generatorKey", "promptHash", "decodingHash"])
    }
    // What reports need without re-validating the stored YAML, and the run's provenance.
    try db.alter(table: "experiment") { t in
      t.add(column: "module", .text)
      t.add(column: "datasetName", .text)
      t.add(column: "provenanceJSON", .text)
    }
  }
  migrator.registerMigration("results-v3") { db in
    // (question, condition) pairs a module could not serve, with the reason: done, never padded.
    try db.create(table: "skip") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("experiment", onDelete: .cascade).notNull()
      t.belongsTo("condition", onDelete: .cascade).notNull()
      t.column("questionId", .text).notNull()
      t.column("reason", .text).notNull()
      t.uniqueKey(["conditionId", "questionId"])
    }
  }
  migrator.registerMigration("results-v4-attention") { db in
    // Attention diagnostics: the mass the last prompt position puts on each passage slot
    // (1-based prompt position), averaged over heads and over the layers of one quarter (1–4).
    try db.create(table: "attentionMass") { t in
      t.belongsTo("trial", onDelete: .cascade).notNull()
      t.column("slot", .integer).notNull()
      t.column("quarter", .integer).notNull()
      t.column("mass", .double).notNull()
      t.primaryKey(["trialId", "slot", "quarter"])
    }
  }
  migrator.registerMigration("results-v5-rerank") { db in
    // Re-ranking passes of the model strategies (`attention`, `first_token`): one score per passage
    // of a question's list, in retrieval order, and what the pass cost.
    try db.create(table: "rerankPass") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("experiment", onDelete: .cascade).notNull()
      t.column("questionId", .text).notNull()
      t.column("strategy", .text).notNull()
      t.column("passageIdsJSON", .text).notNull()
      t.column("scoresJSON", .text).notNull()
      t.column("promptTokens", .integer).notNull()
      t.column("seconds", .double).notNull()
      t.uniqueKey(["experimentId", "questionId", "strategy", "passageIdsJSON"])
    }
  }
  migrator.registerMigration("results-v6-hidden") { db in
    // The last prompt token's hidden state per trial and layer (engine numbering), as a
    // little-endian binary16 blob of `dim` values (see `Binary16`).
    try db.create(table: "hiddenState") { t in
      t.belongsTo("trial", onDelete: .cascade).notNull()
      t.column("layer", .integer).notNull()
      t.column("dim", .integer).notNull()
      t.column("state", .blob).notNull()
      t.primaryKey(["trialId", "layer"])
    }
  }
  migrator.registerMigration("results-v7-failures") { db in
    // Trials whose server request still failed after its retries: the last reason, the requests
    // sent over all runs, and when. A later run retries them; a stored trial removes the row.
    try db.create(table: "trialFailure") { t in
      t.belongsTo("experiment", onDelete: .cascade).notNull()
      t.belongsTo("condition", onDelete: .cascade).notNull()
      t.column("questionId", .text).notNull()
      t.column("reason", .text).notNull()
      t.column("attempts", .integer).notNull()
      t.column("failedAt", .datetime).notNull()
      t.primaryKey(["experimentId", "conditionId", "questionId"])
    }
  }
}
