using CsCheck;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Platform;

/// <summary>Whatever a return URL says, what LocalUrl lets through stays on this site.</summary>
public sealed class LocalUrlPropertyTests
{
    private static readonly Uri Site = new("https://skills.example.cn/");

    private static readonly Gen<string> UrlLike =
        Gen.Frequency(
                (6, Gen.Char["/\\:.?#%@abcdefghijklmnopqrstuvwxyz0123456789"]),
                (1, Gen.Char[" \t\r\n\u0000\u00a0\u3000／＼"]),
                (1, Gen.Char))
            .Array[0, 30].Select(chars => new string(chars));

    [Fact]
    public void A_url_judged_local_resolves_to_this_site_and_anything_else_becomes_the_home_page()
    {
        UrlLike.Sample(url =>
        {
            var target = LocalUrl.OrHome(url);
            if (LocalUrl.IsLocal(url))
            {
                target.ShouldBe(url);
                new Uri(Site, target).Host.ShouldBe(Site.Host, url);
            }
            else
            {
                target.ShouldBe("/");
            }
        }, iter: 10_000);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\r\n//evil.example")]
    [InlineData("javascript:alert(1)")]
    public void Known_tricks_are_sent_home(string url) => LocalUrl.OrHome(url).ShouldBe("/");
}
