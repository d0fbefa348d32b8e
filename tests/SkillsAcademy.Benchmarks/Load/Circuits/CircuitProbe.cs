using System.Globalization;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// `load circuits probe &lt;base url&gt; &lt;page path&gt; [account password]`: opens one circuit on a running app, acts
/// three times and prints what happened. For checking the protocol client against a server by hand.
/// </summary>
public static class CircuitProbe
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var baseAddress = new Uri(args[0]);
        var page = new Uri(baseAddress, args[1]);
        var kind = args[1].Contains("counter", StringComparison.OrdinalIgnoreCase) ? CircuitPage.Counter : CircuitPage.Lesson;
        var cookie = args.Count >= 4 ? await LoadSignIn.SignInAsync(baseAddress, args[2], args[3]) : "";
        using var http = new HttpClient();
        await using var circuit = await BlazorCircuit.OpenAsync(http, page, cookie, kind);
        output.WriteLine($"open: {circuit.RenderBatches} render batches");
        for (var i = 0; i < 3; i++)
        {
            var latency = await circuit.ActAsync(TimeSpan.FromSeconds(30));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"act {i}: {latency.TotalMilliseconds:0.0} ms, {circuit.RenderBatches} render batches"));
            await Task.Delay(1000);
        }

        await circuit.CloseAsync(http);
        output.WriteLine(circuit.DropReason ?? "closed cleanly");
        return circuit.IsDropped ? 1 : 0;
    }
}
