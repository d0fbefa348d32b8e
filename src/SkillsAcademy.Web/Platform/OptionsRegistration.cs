using Microsoft.Extensions.Options;

namespace SkillsAcademy.Web.Platform;

public static class OptionsRegistration
{
    /// <summary>Binds a section and validates it when the host starts, so a wrong setting stops start-up.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        string sectionName,
        Func<TOptions, IReadOnlyList<string>> validate)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new DelegatedOptionsValidator<TOptions>(validate));
        return services;
    }

    private sealed class DelegatedOptionsValidator<TOptions>(Func<TOptions, IReadOnlyList<string>> validate)
        : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = validate(options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
