namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>`dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- load circuits [options]`.</summary>
public static class CircuitLoadCommand
{
    public static int Run(string[] args) => RunAsync(args, Console.Out).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is ["probe", .. var rest])
        {
            return await CircuitProbe.RunAsync(rest, output);
        }

        output.WriteLine("usage: load circuits probe <base url> <page path> [account password]");
        return 2;
    }
}
