using System.Globalization;

namespace SkillsAcademy.IntegrationTests;

/// <summary>Runs service calls under the UI culture the platform defaults to.</summary>
public static class LocalizerCulture
{
    public static async Task<T> InChineseAsync<T>(Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
