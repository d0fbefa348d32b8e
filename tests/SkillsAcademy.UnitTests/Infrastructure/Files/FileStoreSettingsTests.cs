using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Infrastructure.Files;

public sealed class FileStoreSettingsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public void Without_a_root_the_store_lives_in_the_data_directory()
    {
        var (settings, failures) = FileStoreSettings.Resolve(new FileStoreOptions(), "/content", _data.Path);

        failures.ShouldBeEmpty();
        settings!.Root.ShouldBe(Path.Combine(_data.Path, "files"));
        Directory.Exists(settings.Root).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(settings.Root).ShouldBeEmpty("the write probe is removed");
        settings.SharedTempDirectory.ShouldBe(Path.Combine(settings.Root, ".tmp"));
    }

    [Fact]
    public void A_relative_root_is_under_the_content_root()
    {
        var (settings, _) = FileStoreSettings.Resolve(new FileStoreOptions { Root = "shared/files" }, _data.Path, "/unused");

        settings!.Root.ShouldBe(Path.Combine(_data.Path, "shared", "files"));
    }

    [Fact]
    public void A_root_that_cannot_be_created_is_refused_naming_the_setting()
    {
        var blocker = Path.Combine(_data.Path, "a-file");
        File.WriteAllText(blocker, "x");

        var (settings, failures) = FileStoreSettings.Resolve(new FileStoreOptions { Root = Path.Combine(blocker, "files") }, _data.Path, _data.Path);

        settings.ShouldBeNull();
        failures.ShouldHaveSingleItem().ShouldStartWith($"Files:Root '{Path.Combine(blocker, "files")}' is not a writable folder");
    }

    public void Dispose() => _data.Dispose();
}
