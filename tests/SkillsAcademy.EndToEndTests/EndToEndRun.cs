using SkillsAcademy.TestUtilities;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(SkillsAcademy.EndToEndTests.PersonalDataScanRunsLast))]

namespace SkillsAcademy.EndToEndTests;

/// <summary>
/// One folder per run of this test project that keeps what every app of the run left behind: each fixture's data
/// folder (SQLite databases, job storage, files, nginx logs) under <c>data/</c> and each app's log under <c>logs/</c>.
/// Nothing is deleted when a fixture ends: <see cref="Platform.PersonalDataRunScanTests"/>, which runs after every
/// other test of the project, scans it all for plain ID numbers. Set <c>SKILLSACADEMY_E2E_RUN_ROOT</c> to scan a
/// folder of an earlier run (or a copy of one) instead.
/// </summary>
public static class EndToEndRun
{
    public const string RootVariable = "SKILLSACADEMY_E2E_RUN_ROOT";

    /// <summary>The collection of the scan, which <see cref="PersonalDataScanRunsLast"/> puts after all others.</summary>
    public const string ScanCollection = "Personal data scan of the whole run";

    private static readonly Lazy<string> LazyRoot = new(CreateRoot);

    public static string Root => LazyRoot.Value;

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string LogDirectory => Path.Combine(Root, "logs");

    /// <summary>A new, empty data folder for one app (or cluster) of the run, kept after the run.</summary>
    public static string NewDataDirectory(string owner)
    {
        var path = Path.Combine(DataDirectory, $"{owner}-{Guid.NewGuid():N}"[..(owner.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The path of a new log file for one app of the run.</summary>
    public static string NewLogFile(string owner)
    {
        Directory.CreateDirectory(LogDirectory);
        return Path.Combine(LogDirectory, $"{owner}-{Guid.NewGuid():N}"[..(owner.Length + 9)] + ".log");
    }

    /// <summary>Settings that make an app of the run log everything down to Debug (into its log file, not the console).</summary>
    public static IReadOnlyDictionary<string, string?> LogSettings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:Console:LogLevel:Default"] = "Warning",
    };

    private static string CreateRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        var runs = Path.Combine(RepositoryRoot.Path, "artifacts", "e2e-runs");
        Directory.CreateDirectory(runs);
        // Earlier runs are removed; one that started in the last hours may still be running in another shell.
        foreach (var earlier in new DirectoryInfo(runs).GetDirectories().Where(d => d.CreationTimeUtc < DateTime.UtcNow.AddHours(-3)))
        {
            try
            {
                earlier.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left for the next run.
            }
        }

        var root = Path.Combine(runs, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        return root;
    }
}

/// <summary>
/// Runs the personal-data scan's collection after every other collection (which keep the default order), so that
/// the scan sees the databases and logs of the whole run and is reported, and can fail, like any other test.
/// Collections run one after another in this project (xunit.runner.json), and each class fixture is disposed,
/// its app stopped and its log flushed, when its class has finished.
/// </summary>
public sealed class PersonalDataScanRunsLast : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        var others = testCollections.Where(c => c.TestCollectionDisplayName != EndToEndRun.ScanCollection).ToList();
        return [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(others), .. testCollections.Where(c => c.TestCollectionDisplayName == EndToEndRun.ScanCollection)];
    }
}
