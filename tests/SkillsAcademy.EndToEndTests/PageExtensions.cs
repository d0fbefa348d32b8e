using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests;

public static class PageExtensions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, System.Collections.Concurrent.ConcurrentQueue<string>> Violations = [];

    /// <summary>Collects what Chromium reports as blocked by the Content-Security-Policy, in any page of the context.</summary>
    public static void RecordContentSecurityPolicyViolations(IBrowserContext context)
    {
        var violations = Violations.GetOrCreateValue(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
    }

    /// <summary>Fails with every Content-Security-Policy violation any page of this context has logged so far.</summary>
    public static void ExpectNoContentSecurityPolicyViolations(this IPage page) =>
        (Violations.TryGetValue(page.Context, out var violations) ? violations.ToList() : []).ShouldBeEmpty();

    /// <summary>
    /// Waits until the page's Blazor circuit is connected, so that typing reaches the components: the interactive
    /// layout's main element, or on a static page its interactive island (the lesson page's study panel).
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive='true'], #study-status[data-interactive='true']").First
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    /// <summary>
    /// A static page (the course page): no circuit to wait for; its forms post with or without Blazor's script.
    /// </summary>
    public static Task WaitForStaticPageAsync(this IPage page) =>
        page.Locator("main[data-interactive='false']").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    public static async Task LogInAsync(this IPage page, string account, string returnUrl)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#account", account);
        await page.FillAsync("#password", SkillsAcademyWebFactory.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    /// <summary>Picks an item of a MudSelect by the select's label and the item's text.</summary>
    public static async Task SelectMudOptionAsync(this IPage page, string label, string option)
    {
        await page.Locator(".mud-input-control.mud-select").Filter(new LocatorFilterOptions { HasText = label }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = option }).First.ClickAsync();
        // MudSelect closes its popover over JS interop before it tells the page the new value; give that round
        // trip time to finish so that a following click does not overtake it.
        await page.Locator(".mud-popover-open").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>Runs axe once transient snackbars are gone and fails with each serious or critical violation and where it is.</summary>
    public static async Task ExpectNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        // Snackbars fade in and out, and mid-animation their colours cannot be judged.
        await page.Locator(".mud-snackbar").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        // Every journey checks here that the pages worked within the policy: nothing was blocked.
        page.ExpectNoContentSecurityPolicyViolations();
        var result = await page.RunAxe();
        result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }
}
