using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Reads <c>--generate-demo-data [--learners N] [--courses N] [--study-events N] [--enterprises N] [--seed N]
/// [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--province 350000] [--append] [--keep-event-indexes]</c>. Values may follow the switch or an equals
/// sign; digits may be grouped with _ or ,. Other arguments (host settings) are left alone.
/// </summary>
public static class DemoDataCommandLine
{
    public const string Switch = "--generate-demo-data";

    public static DemoDataCommandLineResult Parse(IReadOnlyList<string> args, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(localizer);
        var options = new DemoDataGeneratorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name == "--append")
            {
                options = options with { Append = true };
                continue;
            }

            if (name == "--keep-event-indexes")
            {
                options = options with { DeferEventIndexes = false };
                continue;
            }

            if (name is not ("--learners" or "--courses" or "--study-events" or "--enterprises" or "--seed" or "--from" or "--to" or "--province"))
            {
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Fail(localizer["DemoData.Cli.MissingValue", name]);
            }

            value = value.Trim();
            switch (name)
            {
                case "--learners":
                    if (!TryNumber(value, 1, DemoDataGeneratorOptions.MaxLearners, out var learners))
                    {
                        return BadNumber(localizer, name, 1, DemoDataGeneratorOptions.MaxLearners, value);
                    }

                    options = options with { Learners = (int)learners };
                    break;
                case "--courses":
                    if (!TryNumber(value, 1, DemoDataGeneratorOptions.MaxCourses, out var courses))
                    {
                        return BadNumber(localizer, name, 1, DemoDataGeneratorOptions.MaxCourses, value);
                    }

                    options = options with { Courses = (int)courses };
                    break;
                case "--study-events":
                    if (!TryNumber(value, 0, DemoDataGeneratorOptions.MaxStudyEvents, out var events))
                    {
                        return BadNumber(localizer, name, 0, DemoDataGeneratorOptions.MaxStudyEvents, value);
                    }

                    options = options with { StudyEvents = events };
                    break;
                case "--enterprises":
                    if (!TryNumber(value, 1, DemoDataGeneratorOptions.MaxEnterprises, out var enterprises))
                    {
                        return BadNumber(localizer, name, 1, DemoDataGeneratorOptions.MaxEnterprises, value);
                    }

                    options = options with { Enterprises = (int)enterprises };
                    break;
                case "--seed":
                    if (!TryNumber(value, 0, int.MaxValue, out var seed))
                    {
                        return BadNumber(localizer, name, 0, int.MaxValue, value);
                    }

                    options = options with { Seed = (int)seed };
                    break;
                case "--from" or "--to":
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        return Fail(localizer["DemoData.Cli.BadDate", name, value]);
                    }

                    options = name == "--from" ? options with { From = day } : options with { To = day };
                    break;
                default:
                    if (value.Length != 6 || !value.All(char.IsAsciiDigit) || !value.EndsWith("0000", StringComparison.Ordinal))
                    {
                        return Fail(localizer["DemoData.Cli.BadProvince", name, value]);
                    }

                    options = options with { ProvinceCode = value };
                    break;
            }
        }

        return new DemoDataCommandLineResult(options, null);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static bool TryNumber(string text, long min, long max, out long value) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= min && value <= max;

    private static DemoDataCommandLineResult BadNumber(IStringLocalizer localizer, string name, long min, long max, string value) =>
        Fail(localizer["DemoData.Cli.BadNumber", name, min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture), value]);

    private static DemoDataCommandLineResult Fail(string message) => new(null, message);
}

/// <summary>The options, or the message that says which switch is wrong.</summary>
public sealed record DemoDataCommandLineResult(DemoDataGeneratorOptions? Options, string? Error);
