using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests;

public static class PageExtensions
{
    /// <summary>Waits until the page's Blazor circuit is connected, so that typing reaches the components.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

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
    }
}
