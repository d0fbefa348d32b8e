using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.IntegrationTests.Features.Vouchers;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Features.Catalog;

/// <summary>
/// The course page is static (no circuit): enrolment and voucher redemption are form posts. Driven over HTTP as a
/// browser without scripts would, including the double tap and the form sent again after the page changed.
/// </summary>
public sealed class CoursePageFormTests(VoucherAppFixture app) : IClassFixture<VoucherAppFixture>
{
    private const string Course = "WELD-L5-SMAW";
    private const string CoursePath = "/courses/" + Course;

    private async Task<(TestLearner Learner, HttpClient Client)> SignedInLearnerAsync()
    {
        var learner = await app.NewLearnerAsync();
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(learner.Id.ToString());
            (await users.AddPasswordAsync(user!, SkillsAcademyWebFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        }

        var client = app.Factory.CreateBrowserlessClient();
        (await client.LogInAsync(learner.Mobile, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (learner, client);
    }

    private static async Task<string> PageAsync(HttpClient client, string path = CoursePath)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<int> EnrolmentsAsync(Guid learnerId)
    {
        await using var db = await app.DbAsync();
        return await db.Enrolments.CountAsync(e => e.LearnerId == learnerId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_signed_in_course_page_opens_no_circuit()
    {
        var (_, client) = await SignedInLearnerAsync();

        var html = await PageAsync(client);

        html.ShouldContain("id=\"enrol\"");
        html.ShouldNotContain("<!--Blazor:", Case.Sensitive, "a static page writes no component descriptor, so the browser opens no circuit");
        html.ShouldContain("main id=\"main-content\" data-interactive=\"false\"");
    }

    [Fact]
    public async Task Enrolling_posts_redirects_to_the_page_and_the_page_offers_to_start()
    {
        var (learner, client) = await SignedInLearnerAsync();

        using var post = await client.SubmitFormAsync(CoursePath, "enrol", new Dictionary<string, string>());

        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var target = new Uri(client.BaseAddress!, post.Headers.Location!).PathAndQuery;
        target.ShouldBe(CoursePath + "?enrolled=true");
        var html = await PageAsync(client, target);
        html.ShouldContain("报名成功");
        html.ShouldContain("id=\"continue\"");
        html.ShouldContain("开始学习");
        html.ShouldNotContain("id=\"enrol\"");
        (await EnrolmentsAsync(learner.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_double_tap_on_enrol_enrols_once_and_the_second_post_answers_with_the_page_as_it_now_is()
    {
        var (learner, client) = await SignedInLearnerAsync();
        // Both taps carry the form of the page as it was before the first one arrived.
        var page = await client.GetStringAsync(CoursePath, TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, """name="__RequestVerificationToken" value="(?<value>[^"]+)""").Groups["value"].Value;
        FormUrlEncodedContent Form() => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "enrol",
        });

        using var first = await client.PostAsync(CoursePath, Form(), TestContext.Current.CancellationToken);
        using var second = await client.PostAsync(CoursePath, Form(), TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        html.ShouldContain("id=\"enrol-message\"");
        html.ShouldContain("已经报名");
        html.ShouldContain("id=\"continue\"");
        (await EnrolmentsAsync(learner.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_enrols_nobody()
    {
        var (learner, client) = await SignedInLearnerAsync();

        using var post = await client.PostAsync(
            CoursePath, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "enrol" }), TestContext.Current.CancellationToken);

        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EnrolmentsAsync(learner.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Redeeming_a_voucher_posts_one_request_and_sending_the_form_again_repeats_the_same_request()
    {
        var (learner, client) = await SignedInLearnerAsync();
        var voucherId = (await app.IssueAsync(await app.NewBatchAsync(quantity: 1), learner)).Single();
        var page = await PageAsync(client);
        page.ShouldContain("id=\"enrol-with-voucher\"");
        var key = System.Text.RegularExpressions.Regex.Match(page, """name="RedemptionKey" value="(?<key>[^"]+)""").Groups["key"].Value;
        Guid.TryParse(key, out _).ShouldBeTrue("the page carries the redemption key of this view");
        var fields = new Dictionary<string, string> { ["RedemptionKey"] = key };

        using var first = await client.SubmitFormAsync(CoursePath, "redeem", fields);
        using var again = await client.SubmitFormAsync(CoursePath, "redeem", fields);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        html.ShouldContain("id=\"enrol-message\"");
        html.ShouldContain("已提交");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await app.DbAsync();
        var requests = await db.RedemptionRequests.Where(r => r.VoucherId == voucherId).ToListAsync(TestContext.Current.CancellationToken);
        requests.ShouldHaveSingleItem().IdempotencyKey.ShouldBe(Guid.Parse(key));
    }
}
