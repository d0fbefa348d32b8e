using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// The lesson pages of the load data set's learners: learner i opens lesson i mod 64 of the 11×64 course, signed in
/// with their own cookie (one circuit per learner: a second lesson of the same learner would pause the first).
/// Cookies are kept in the data folder and reused while they still open the page, because signing ten thousand
/// learners in costs ten thousand password hashes.
/// </summary>
public static class LessonTargets
{
    private const string CookieFile = "circuit-cookies.tsv";

    public static async Task<IReadOnlyList<CircuitTarget>> PrepareAsync(LoadDataSet dataSet, Uri app, int count, TextWriter log)
    {
        if (dataSet.Learners.Count < count)
        {
            throw new InvalidOperationException($"The data set has {dataSet.Learners.Count} enrolled learners; {count} circuits need as many.");
        }

        var lessons = LessonKeys(dataSet.DataDirectory);
        var cookiePath = Path.Combine(dataSet.DataDirectory, CookieFile);
        var cookies = File.Exists(cookiePath)
            ? File.ReadLines(cookiePath).Select(l => l.Split('\t', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = dataSet.Learners.Take(count).Select(l => l.Account).Where(a => !cookies.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            var started = DateTime.UtcNow;
            await log.WriteLineAsync($"Signing {missing.Count} learners in (their cookies are kept in {cookiePath})...");
            var signedIn = await LoadSignIn.SignInAllAsync(app, missing, LoadDataSet.Password, parallel: 4);
            for (var i = 0; i < missing.Count; i++)
            {
                cookies[missing[i]] = signedIn[i];
            }

            await File.WriteAllLinesAsync(cookiePath, cookies.Select(c => $"{c.Key}\t{c.Value}"));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  signed in in {(DateTime.UtcNow - started).TotalSeconds:0} s."));
        }

        return dataSet.Learners.Take(count)
            .Select((learner, i) => new CircuitTarget(
                new Uri(app, $"/learning/{LoadDataSet.CourseCode}/lessons/{lessons[i % lessons.Count]}"), cookies[learner.Account]))
            .ToList();
    }

    /// <summary>Forgets the kept cookies (e.g. the server refused one: the data set was re-seeded).</summary>
    public static void ForgetCookies(LoadDataSet dataSet) => File.Delete(Path.Combine(dataSet.DataDirectory, CookieFile));

    /// <summary>Seconds of study credited so far to all learners of the 11×64 course.</summary>
    public static double CreditedSeconds(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "skillsacademy.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(p.CreditedMilliseconds), 0) FROM LessonProgress p JOIN Courses c ON p.CourseId = c.Id WHERE c.Code = $code";
        command.Parameters.AddWithValue("$code", LoadDataSet.CourseCode);
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture) / 1000;
    }

    /// <summary>The lesson keys of the published 11×64 course, in syllabus order.</summary>
    public static IReadOnlyList<Guid> LessonKeys(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "skillsacademy.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.Key FROM Lesson l
            JOIN CourseModule m ON l.CourseModuleId = m.Id
            JOIN CourseVersions v ON m.CourseVersionId = v.Id
            JOIN Courses c ON v.CourseId = c.Id
            WHERE c.Code = $code AND v.Status = 4
            ORDER BY m.Position, l.Position
            """;
        command.Parameters.AddWithValue("$code", LoadDataSet.CourseCode);
        var keys = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(Guid.Parse(reader.GetString(0)));
        }

        return keys.Count > 0 ? keys : throw new InvalidOperationException($"No published lessons of {LoadDataSet.CourseCode} in {dataDirectory}.");
    }
}
