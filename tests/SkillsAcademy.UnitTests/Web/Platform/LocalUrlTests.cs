using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Platform;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/catalog?page=2", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("/redirect?to=https://evil.example", false)]
    [InlineData("catalog", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_on_this_site_are_local(string? url, bool local) => LocalUrl.IsLocal(url).ShouldBe(local);

    [Fact]
    public void A_foreign_target_falls_back_to_the_home_page() => LocalUrl.OrHome("//evil.example").ShouldBe("/");
}
