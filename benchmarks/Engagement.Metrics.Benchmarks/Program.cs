using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Engagement.Metrics.Benchmarks.Conversations;

if (args is ["--retained-memory"])
{
    RetainedMemory.Run(); // what the conversation accumulators keep (not a timing)
    return;
}

// BenchmarkSwitcher so that `--filter`, `--job` and friends work from the command line.
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
