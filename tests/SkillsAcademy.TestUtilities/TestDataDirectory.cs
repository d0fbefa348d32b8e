namespace SkillsAcademy.TestUtilities;

/// <summary>A fresh folder under the system temp directory for one test's databases and files; removed on dispose.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public TestDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skillsacademy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // SQLite pools keep files open a little longer than the host that used them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp clean-up; never fails a test.
        }
    }
}
