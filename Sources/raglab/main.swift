import ArgumentParser
import RaglabCLI

/// Calls `AsyncParsableCommand.main()`; a bare `await Raglab.main()` here resolves to the
/// synchronous `ParsableCommand.main()`, which refuses async root commands.
func start<Command: AsyncParsableCommand>(_ command: Command.Type) async {
  await command.main()
}

await start(Raglab.self)
