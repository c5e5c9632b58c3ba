import ArgumentParser

/// The `raglab` command: runs RAG robustness experiments from YAML specs and reports on them.
public struct Raglab: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "raglab",
    abstract: "A laboratory for how RAG answers depend on what is retrieved and in what order.",
    discussion: """
      Typical session:
        raglab run experiments/quickstart.yaml   # run (or resume) an experiment
        raglab plot quickstart                   # regenerate its gnuplot figures
        raglab report quickstart                 # regenerate its markdown notebook
      Assets (model, data) come from `make quickstart` / scripts/setup.sh into RAGLAB_HOME.
      """,
    subcommands: [
      ModelCommand.self, DataCommand.self, DenseCommand.self, RunCommand.self, ValidateCommand.self,
      PlotCommand.self, ReportCommand.self, ResultsCommand.self, CompareCommand.self,
      InspectCommand.self,
      OrderCommand.self, ClusterCommand.self, ExportDPOCommand.self,
    ]
  )

  public init() {}
}
