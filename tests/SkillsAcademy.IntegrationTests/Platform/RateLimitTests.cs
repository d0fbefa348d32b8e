using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Abuse limits (ASVS 5.0 V2 anti-automation, V6 brute-force protection): log-in, registration,
/// voucher claim and redemption, check-in and verification are limited per client address or per user; the one
/// refused gets a clear message (429 for HTTP requests), and the next minute the limit starts over.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Password = "Limit2026pass";
    private readonly TestDataDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
    private SkillsAcademyWebFactory _factory = default!;

    public ValueTask InitializeAsync()
    {
        _factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["RateLimits:LogInPerMinute"] = "3",
            ["RateLimits:RegistrationPerMinute"] = "2",
            ["RateLimits:VoucherClaimPerMinute"] = "2",
            ["RateLimits:VoucherRedemptionPerMinute"] = "2",
            ["RateLimits:CheckInPerMinute"] = "2",
            ["RateLimits:VerificationPerMinute"] = "2",
        }, _time);
        _factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    private T Service<T>() where T : notnull => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<ApplicationUser> LearnerAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"limit-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "学员", CreatedAt = _time.GetUtcNow() };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, SkillsAcademy.Domain.People.Roles.Learner)).Succeeded.ShouldBeTrue();
        return user;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_fourth_log_in_in_a_minute_is_refused_with_429_before_the_password_is_checked_and_the_next_minute_it_works()
    {
        var learner = await LearnerAsync();
        using var client = _factory.CreateBrowserlessClient();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.LogInAsync(learner.Email!, "Wrong2026pass");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await TextAsync(wrong)).ShouldContain("账号或密码错误");
        }

        using var limited = await client.LogInAsync(learner.Email!, Password);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await TextAsync(limited)).ShouldContain("操作过于频繁，请一分钟后再试。");
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.GetAccessFailedCountAsync((await users.FindByIdAsync(learner.Id.ToString()))!)).ShouldBe(3, "the refused attempt was not counted");
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        using var later = await client.LogInAsync(learner.Email!, Password);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_third_registration_from_one_address_in_a_minute_is_refused_with_429_and_creates_nothing()
    {
        using var client = _factory.CreateBrowserlessClient();
        var accounts = Enumerable.Range(0, 3).Select(_ => $"reg-{Guid.NewGuid():N}@example.com").ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var account in accounts)
        {
            // Each registration signs the new account in; a fresh client starts anonymous again.
            using var fresh = _factory.CreateBrowserlessClient();
            using var response = await fresh.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
            {
                ["Input.Account"] = account,
                ["Input.DisplayName"] = "新学员",
                ["Input.Password"] = Password,
                ["Input.ConfirmPassword"] = Password,
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await TextAsync(response)).ShouldContain("操作过于频繁，请一分钟后再试。");
            }
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        (await db.Users.AnyAsync(u => u.UserName == accounts[2])).ShouldBeFalse();
    }

    [Fact]
    public async Task Voucher_claims_are_limited_per_learner_so_claim_codes_cannot_be_guessed_by_trying()
    {
        var learner = await LearnerAsync();
        var other = await LearnerAsync();
        var vouchers = Service<VoucherService>();

        (await vouchers.ClaimAsync(learner.Id, "WRONG1")).ShouldBe(ClaimOutcome.UnknownCode);
        (await vouchers.ClaimAsync(learner.Id, "WRONG2")).ShouldBe(ClaimOutcome.UnknownCode);
        (await vouchers.ClaimAsync(learner.Id, "WRONG3")).ShouldBe(ClaimOutcome.TooManyAttempts);
        (await vouchers.ClaimAsync(other.Id, "WRONG4")).ShouldBe(ClaimOutcome.UnknownCode, "another learner has a limit of their own");

        _time.Advance(TimeSpan.FromMinutes(1));
        (await vouchers.ClaimAsync(learner.Id, "WRONG5")).ShouldBe(ClaimOutcome.UnknownCode);
    }

    [Fact]
    public async Task Redemption_requests_are_limited_per_learner_and_a_limited_one_writes_nothing()
    {
        var learner = await LearnerAsync();
        var vouchers = Service<VoucherService>();

        (await vouchers.RequestRedemptionAsync(learner.Id, 999_999, "NONE", Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.NotFound);
        (await vouchers.RequestRedemptionAsync(learner.Id, 999_999, "NONE", Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.NotFound);
        var limited = await vouchers.RequestRedemptionAsync(learner.Id, 999_999, "NONE", Guid.NewGuid());

        limited.ShouldBe(RedemptionRequestOutcome.Refused(VoucherRefusal.TooManyRequests));
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        (await db.RedemptionRequests.CountAsync(r => r.LearnerId == learner.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Check_in_taps_are_limited_per_learner()
    {
        var learner = await LearnerAsync();
        var learning = Service<LearningService>();

        (await learning.CheckInAsync(learner.Id)).CheckedInNow.ShouldBeTrue();
        (await learning.CheckInAsync(learner.Id)).TooManyAttempts.ShouldBeFalse();
        var limited = await learning.CheckInAsync(learner.Id);

        limited.TooManyAttempts.ShouldBeTrue();
        limited.CheckedInNow.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await learning.CheckInAsync(learner.Id)).TooManyAttempts.ShouldBeFalse();
    }

    [Fact]
    public async Task A_limited_verification_answers_429_with_a_message_in_the_visitors_language_and_when_to_retry()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK");
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var limited = await client.GetAsync("/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadAsStringAsync()).ShouldBe("操作过于频繁，请一分钟后再试。");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/verify/FJZGH-2026-00000001?code=ABCDEFGHJK");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var englishResponse = await client.SendAsync(english);
        englishResponse.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await englishResponse.Content.ReadAsStringAsync()).ShouldBe("Too many attempts. Please wait a minute and try again.");
    }
}

/// <summary>A rate limit that is not a positive number stops start-up with a message naming the setting.</summary>
public sealed class RateLimitConfigurationTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Theory]
    [InlineData("LogInPerMinute", "0")]
    [InlineData("CheckInPerMinute", "-5")]
    [InlineData("VoucherClaimPerMinute", "100001")]
    public void A_rate_limit_out_of_range_stops_start_up_naming_the_setting(string setting, string value)
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { [$"RateLimits:{setting}"] = value });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain($"RateLimits:{setting} must be between 1 and 100000; it is {value}.");
    }

    public void Dispose() => _data.Dispose();
}
