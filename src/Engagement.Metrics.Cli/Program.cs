using Engagement.Metrics.Cli;

return CliApplication.Run(args, new CliConsole(Console.Out, Console.Error, Console.In));
