using System.Globalization;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --cpu-time CertificatePdf [seconds]   (see CpuTime)
// dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- load circuits [options]   (see Load/Circuits/CircuitLoadCommand)
if (args is ["load", "circuits", .. var circuitArgs]) return SkillsAcademy.Benchmarks.Load.Circuits.CircuitLoadCommand.Run(circuitArgs);
// dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- load <scenario> [options]   (see Load/LoadCommand)
if (args is ["load", .. var load])
{
    return SkillsAcademy.Benchmarks.Load.LoadCommand.Run(load);
}

if (args is ["--cpu-time", var filter, .. var rest])
{
    return SkillsAcademy.Benchmarks.CpuTime.Run(typeof(SkillsAcademy.Benchmarks.CatalogSearchBenchmarks).Assembly, filter,
        rest.Length > 0 ? double.Parse(rest[0], CultureInfo.InvariantCulture) : 10, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(SkillsAcademy.Benchmarks.CatalogSearchBenchmarks).Assembly).Run(args);
return 0;
