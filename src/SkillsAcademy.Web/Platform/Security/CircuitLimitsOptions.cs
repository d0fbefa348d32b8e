namespace SkillsAcademy.Web.Platform.Security;

/// <summary>
/// The "Circuits" section: what one interactive circuit and one user may hold on the server. Every value is set
/// explicitly (Microsoft's threat mitigation guidance for interactive server-side Blazor) instead of trusting defaults.
/// </summary>
public sealed class CircuitLimitsOptions
{
    public const string SectionName = "Circuits";

    /// <summary>Open circuits (tabs) per signed-in user; one more is refused with a page that says why.</summary>
    public int MaxPerUser { get; set; } = 5;

    /// <summary>Largest message a browser may send over the circuit's connection (SignalR), in kilobytes.</summary>
    public int MaxReceiveMessageKilobytes { get; set; } = 32;

    /// <summary>Render batches the server keeps until the browser acknowledges them; past this rendering pauses.</summary>
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>How long a .NET call into the browser's JavaScript may take before it fails.</summary>
    public int JSInteropTimeoutSeconds { get; set; } = 30;

    /// <summary>Disconnected circuits kept in memory for a reconnect, across all users of this node.</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long a disconnected circuit is kept for a reconnect.</summary>
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;

    public static IReadOnlyList<string> Validate(CircuitLimitsOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(MaxPerUser), options.MaxPerUser, 1, 100);
        Check(failures, nameof(MaxReceiveMessageKilobytes), options.MaxReceiveMessageKilobytes, 1, 1024);
        Check(failures, nameof(MaxBufferedUnacknowledgedRenderBatches), options.MaxBufferedUnacknowledgedRenderBatches, 1, 100);
        Check(failures, nameof(JSInteropTimeoutSeconds), options.JSInteropTimeoutSeconds, 1, 600);
        Check(failures, nameof(DisconnectedCircuitMaxRetained), options.DisconnectedCircuitMaxRetained, 0, 100_000);
        Check(failures, nameof(DisconnectedCircuitRetentionSeconds), options.DisconnectedCircuitRetentionSeconds, 1, 3600);
        return failures;
    }

    private static void Check(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{SectionName}:{name} must be between {min} and {max}; it is {value}.");
        }
    }
}
