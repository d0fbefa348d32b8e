using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SkillsAcademy.Benchmarks.CatalogSearchBenchmarks).Assembly).Run(args);
