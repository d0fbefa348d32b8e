using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

public sealed class ProfileTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ValidId = "11010519491231002X";

    private ProfileService Profiles => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<ProfileService>();

    private async Task<Guid> NewUserAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"worker-{Guid.NewGuid():N}@example.com", DisplayName = "职工", CreatedAt = DateTimeOffset.UtcNow };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private static ProfileRequest Request(string idNumber) => new()
    {
        RealName = "陈建华", IdNumber = idNumber, EnterpriseName = "福州示例机械有限公司", RegionCode = "350102", UnionMember = true,
    };

    // Computes a valid number for another person born the same day, so tests do not share one.
    private static string AnotherValidId(int serial)
    {
        var body = $"350102199001{15:00}{serial:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task A_valid_profile_is_stored_encrypted_and_shown_masked()
    {
        var user = await NewUserAsync();

        var errors = await Profiles.SaveAsync(user, Request(" １１０１０５１９４９１２３１００２ｘ "));

        errors.ShouldBeEmpty();
        var profile = (await Profiles.GetAsync(user))!;
        profile.IdNumberMasked.ShouldBe("110***********002X");
        profile.RealName.ShouldBe("陈建华");
        profile.EnterpriseName.ShouldBe("福州示例机械有限公司");
        (await Profiles.IsCompleteAsync(user)).ShouldBeTrue();
        DatabaseText().ShouldNotContain(ValidId);
    }

    [Theory]
    [InlineData("110105194912310021", "身份证号校验位不正确")]
    [InlineData("11010519491331002X", "出生日期无效")]
    [InlineData("990105194912310029", "地区代码")]
    [InlineData("1101051949", "应为 18 位")]
    public async Task A_wrong_id_number_is_named_and_nothing_is_saved(string idNumber, string message)
    {
        var user = await NewUserAsync();

        var errors = await LocalizerCulture.InChineseAsync(() => Profiles.SaveAsync(user, Request(idNumber)));

        errors[nameof(ProfileRequest.IdNumber)].ShouldHaveSingleItem().ShouldContain(message);
        (await Profiles.IsCompleteAsync(user)).ShouldBeFalse();
    }

    [Fact]
    public async Task One_id_number_cannot_stand_behind_two_accounts_even_when_saved_at_once()
    {
        var id = AnotherValidId(11);
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewUserAsync()));

        var results = await Task.WhenAll(users.Select(u => Task.Run(() => Profiles.SaveAsync(u, Request(id)))));

        results.Count(r => r.Count == 0).ShouldBe(1);
        results.Where(r => r.Count > 0).ShouldAllBe(r => r.ContainsKey(nameof(ProfileRequest.IdNumber)));
    }

    [Fact]
    public async Task A_region_the_platform_does_not_know_is_refused()
    {
        var request = Request(AnotherValidId(12));
        request.RegionCode = "999999";

        (await Profiles.SaveAsync(await NewUserAsync(), request)).ShouldContainKey(nameof(ProfileRequest.RegionCode));
    }

    [Fact]
    public async Task The_region_pickers_go_from_province_to_city_to_district()
    {
        var provinces = await Profiles.ListRegionsAsync(null);
        var cities = await Profiles.ListRegionsAsync("350000");
        var districts = await Profiles.ListRegionsAsync("350100");

        provinces.Select(r => r.Name).ShouldContain("福建省");
        cities.Select(r => r.Name).ShouldContain("泉州市");
        cities.Count.ShouldBe(9);
        districts.Select(r => r.Name).ShouldContain("鼓楼区");
    }

    private string DatabaseText()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(app.DataDirectory, "skillsacademy.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
