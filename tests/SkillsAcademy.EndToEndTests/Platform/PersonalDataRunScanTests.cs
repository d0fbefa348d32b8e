using Microsoft.Data.Sqlite;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Platform;

[CollectionDefinition(EndToEndRun.ScanCollection)]
public sealed class PersonalDataScanCollection;

/// <summary>
/// After every other browser journey of the run (see <see cref="PersonalDataScanRunsLast"/>): no checksum-valid resident
/// ID number is in clear in any file the run's apps left (SQLite databases and their WAL, job storage, stored files,
/// nginx logs) or in any line they logged at Debug level. The journeys type real ID numbers into the profile page and
/// save profiles, so there is something to leak; a number planted in a scratch copy of the run is found.
/// </summary>
[Collection(EndToEndRun.ScanCollection)]
public sealed class PersonalDataRunScanTests
{
    private sealed record Finding(string File, string Number)
    {
        // The failure message names the file and the number masked, never the number itself.
        public override string ToString() => $"{File}: {Number[..3]}***********{Number[^4..]}";
    }

    private static List<Finding> Scan(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .SelectMany(file => IdNumberScanner.FindAllInFile(file).Select(number => new Finding(Path.GetRelativePath(root, file), number)))
            .ToList();

    private static List<string> Databases(string root) =>
        Directory.Exists(Path.Combine(root, "data"))
            ? Directory.EnumerateFiles(Path.Combine(root, "data"), "skillsacademy.db", SearchOption.AllDirectories).ToList()
            : [];

    private static long ProfilesIn(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM LearnerProfiles WHERE IdNumberProtected IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void No_plain_ID_number_is_in_any_file_or_log_the_end_to_end_run_left()
    {
        var root = EndToEndRun.Root;
        var databases = Databases(root);
        databases.ShouldNotBeEmpty($"no app of this run left a database under {root}: this test scans what the other end-to-end tests leave, so run the whole project (or point {EndToEndRun.RootVariable} at an earlier run)");
        var logs = Directory.Exists(EndToEndRun.LogDirectory) ? Directory.GetFiles(EndToEndRun.LogDirectory) : [];
        logs.ShouldNotBeEmpty("the run's apps wrote no log files");
        logs.ShouldContain(file => new FileInfo(file).Length > 0, "every log file of the run is empty");
        databases.Sum(ProfilesIn).ShouldBeGreaterThan(0, "no journey saved a real-name profile, so the scan would prove nothing");

        Scan(root).ShouldBeEmpty($"plain ID numbers in the files or logs of the end-to-end run under {root}");
    }

    [Fact]
    public void A_number_planted_in_a_scratch_copy_of_the_run_is_found_in_the_database_and_in_the_log()
    {
        var database = Databases(EndToEndRun.Root).FirstOrDefault();
        database.ShouldNotBeNull($"no app of this run left a database under {EndToEndRun.Root}");
        var log = Directory.GetFiles(EndToEndRun.LogDirectory).OrderByDescending(f => new FileInfo(f).Length).First();
        using var scratch = new TestDataDirectory();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, "skillsacademy.db*"))
        {
            File.Copy(file, Path.Combine(scratch.Path, Path.GetFileName(file)));
        }

        var copiedLog = Path.Combine(scratch.Path, "app.log");
        File.Copy(log, copiedLog);
        Scan(scratch.Path).ShouldBeEmpty("the copy starts clean");

        var inDatabase = IdNumberScanner.ValidNumber(41);
        var inLog = IdNumberScanner.ValidNumber(42);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(scratch.Path, "skillsacademy.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // What a careless change would do: keep the number in a column in clear.
            command.CommandText = "UPDATE AspNetUsers SET DisplayName = $number WHERE Id = (SELECT Id FROM AspNetUsers LIMIT 1)";
            command.Parameters.AddWithValue("$number", inDatabase);
            command.ExecuteNonQuery().ShouldBe(1);
        }

        File.AppendAllText(copiedLog, $"info: SkillsAcademy.Web.Features.Accounts.ProfileService: saved profile {inLog}\n");

        var found = Scan(scratch.Path);
        found.Select(f => f.Number).Distinct().Order().ShouldBe(new[] { inDatabase, inLog }.Order());
        found.ShouldContain(f => f.File.StartsWith("skillsacademy.db", StringComparison.Ordinal) && f.Number == inDatabase);
        found.ShouldContain(f => f.File == "app.log" && f.Number == inLog);
    }
}
