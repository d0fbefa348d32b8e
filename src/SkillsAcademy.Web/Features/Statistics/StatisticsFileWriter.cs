using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// One column of a statistics file: its header, how a row fills it (text, a whole number, a decimal, or null for an
/// empty cell) and, for decimals, the number format of the CSV text.
/// </summary>
public sealed record StatisticsColumn(string Header, Func<StatisticsRow, object?> Value, string? DecimalFormat = null)
{
    /// <summary>The cell as CSV text: invariant culture, decimals in <see cref="DecimalFormat"/>, nothing as empty.</summary>
    public string Text(StatisticsRow row) => Value(row) switch
    {
        null => "",
        string text => text,
        decimal number => number.ToString(DecimalFormat ?? "0.##", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}

/// <summary>
/// Writes statistics rows to a CSV (UTF-8 with a byte order mark, so Excel reads the Chinese right) or an XLSX file.
/// Both writers pull one row at a time from the sequence and write it out before asking for the next: memory stays
/// flat whatever the row count (see StatisticsFileWriterBenchmarks).
/// </summary>
public sealed class StatisticsFileWriter(IReadOnlyList<StatisticsColumn> columns)
{
    public IReadOnlyList<StatisticsColumn> Columns { get; } = columns;

    /// <summary>The columns of a layout, headed in the current UI culture.</summary>
    public static StatisticsFileWriter For(StatisticsLayout layout, IStringLocalizer<SharedResource> localizer)
    {
        StatisticsColumn Column(string key, Func<StatisticsRow, object?> value, string? format = null) =>
            new(localizer[$"Statistics.Export.Column.{key}"].Value, value, format);

        StatisticsColumn[] labels = layout switch
        {
            StatisticsLayout.ByRegion => [Column("Region", r => r.Label)],
            StatisticsLayout.ByOccupation => [Column("Occupation", r => r.Label)],
            StatisticsLayout.ByCourse => [Column("Course", r => r.Label)],
            StatisticsLayout.ByEnterprise => [Column("Enterprise", r => r.Label)],
            StatisticsLayout.ByLevel => [Column("Level", r => r.Label)],
            StatisticsLayout.ByMonth => [Column("Month", r => r.Label)],
            StatisticsLayout.ProvincialReport => [Column("Region", r => r.Label), Column("Occupation", r => r.SecondLabel ?? "")],
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
        };

        var personTimes = Column("PersonTimes", r => r.Measures.PersonTimes);
        var learners = Column("Learners", r => r.Measures.Learners);
        var creditHours = Column("CreditHours", r => r.Measures.CreditHours, "0.00");
        var completions = Column("Completions", r => r.Measures.Completions);
        var certificates = Column("Certificates", r => r.Measures.Certificates);
        var vouchers = Column("VouchersRedeemed", r => r.Measures.VouchersRedeemed);
        var amount = Column("VoucherAmount", r => r.Measures.VoucherAmount, "0.00");
        StatisticsColumn[] measures = layout == StatisticsLayout.ProvincialReport
            ? [personTimes, learners, creditHours, completions, certificates, vouchers, amount]
            :
            [
                personTimes, learners, creditHours, Column("NewEnrolments", r => r.Measures.NewEnrolments), completions, certificates,
                Column("QuizAttempts", r => r.Measures.QuizAttempts), Column("PassRate", r => r.Measures.PassRatePercent, "0.0"), vouchers, amount,
            ];
        return new StatisticsFileWriter([.. labels, .. measures]);
    }

    /// <summary>Writes the header and every row; returns the number of rows written (the header not counted).</summary>
    public async Task<int> WriteCsvAsync(Stream output, IEnumerable<StatisticsRow> rows, CancellationToken cancellationToken = default)
    {
        // Cells a spreadsheet would run as formulas (a label starting with = + - @) are escaped.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns.Select(c => c.Header)], cancellationToken);
        var fields = new string[Columns.Count];
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Columns[i].Text(row);
            }

            await csv.WriteRecordAsync(fields, cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Writes one worksheet with the header and every row, numbers as numbers; returns the number of rows written.</summary>
    public async Task<int> WriteXlsxAsync(Stream output, IEnumerable<StatisticsRow> rows, string sheetName, CancellationToken cancellationToken = default)
    {
        var count = 0;
        IEnumerable<IDictionary<string, object?>> Cells()
        {
            foreach (var row in rows)
            {
                var cells = new Dictionary<string, object?>(Columns.Count, StringComparer.Ordinal);
                foreach (var column in Columns)
                {
                    cells[column.Header] = column.Value(row);
                }

                count++;
                yield return cells;
            }
        }

        // MiniExcel pulls the sequence lazily and, not knowing the count, writes no dimension instead of buffering the sheet.
        await output.SaveAsAsync(Cells(), sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return count;
    }
}
