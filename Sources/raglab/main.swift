import RaglabCLI

await Raglab.main()
