using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests;

/// <summary>One running application on its own SQLite file, shared by the tests of a class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public string DataDirectory => _data.Path;

    public ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path);
        Factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}
