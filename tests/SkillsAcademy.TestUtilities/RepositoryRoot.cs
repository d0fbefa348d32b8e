namespace SkillsAcademy.TestUtilities;

/// <summary>The folder holding SkillsAcademy.sln, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "SkillsAcademy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"SkillsAcademy.sln not found above {AppContext.BaseDirectory}.");
    }
}
