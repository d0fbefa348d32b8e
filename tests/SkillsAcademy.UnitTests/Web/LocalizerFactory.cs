using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.UnitTests.Web;

/// <summary>The application's real resource files, read the way the app reads them.</summary>
internal static class LocalizerFactory
{
    public static IStringLocalizer<SharedResource> Shared() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Runs the action with the UI culture set, restoring it afterwards.</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
