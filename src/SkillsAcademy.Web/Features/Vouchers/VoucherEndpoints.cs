using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>Settlement report downloads (XLSX, and CSV in UTF-8 with a BOM so Excel opens Chinese text right).</summary>
public static class VoucherEndpoints
{
    public static IEndpointRouteBuilder MapVoucherEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/federation/vouchers/settlement").RequireAuthorization(Policies.Federation);
        group.MapGet("/{month}.xlsx", ExportXlsxAsync);
        group.MapGet("/{month}.csv", ExportCsvAsync);
        return app;
    }

    private static async Task<IResult> ExportXlsxAsync(string month, VoucherService vouchers, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!IsMonth(month))
        {
            return TypedResults.NotFound();
        }

        var rows = (await vouchers.SettlementAsync(month, cancellationToken)).Select(line => new Dictionary<string, object>
        {
            [l["Vouchers.Settlement.Month"]] = line.Month,
            [l["Vouchers.Settlement.Provider"]] = ProviderName(line, l),
            [l["Vouchers.Field.FundingSource"]] = line.FundingSource,
            [l["Vouchers.Settlement.Redemptions"]] = line.Redemptions,
            [l["Vouchers.Settlement.Amount"]] = line.Amount,
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: month, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        stream.Position = 0;
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"settlement-{month}.xlsx");
    }

    private static async Task<IResult> ExportCsvAsync(string month, VoucherService vouchers, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!IsMonth(month))
        {
            return TypedResults.NotFound();
        }

        var lines = await vouchers.SettlementAsync(month, cancellationToken);
        var stream = new MemoryStream();
        // UTF-8 with a BOM: without it, Excel on a Chinese Windows reads the file as GBK.
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var header in new[] { "Vouchers.Settlement.Month", "Vouchers.Settlement.Provider", "Vouchers.Field.FundingSource", "Vouchers.Settlement.Redemptions", "Vouchers.Settlement.Amount" })
            {
                csv.WriteField(l[header].Value);
            }

            await csv.EndRecordAsync(cancellationToken);
            foreach (var line in lines)
            {
                csv.WriteField(line.Month);
                csv.WriteField(ProviderName(line, l));
                csv.WriteField(line.FundingSource);
                csv.WriteField(line.Redemptions.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(line.Amount.ToString("0.00", CultureInfo.InvariantCulture));
                await csv.EndRecordAsync(cancellationToken);
            }
        }

        stream.Position = 0;
        return TypedResults.File(stream, "text/csv; charset=utf-8", $"settlement-{month}.csv");
    }

    public static string ProviderName(SettlementLine line, IStringLocalizer<SharedResource> l) =>
        line.ProviderId is null ? l["Vouchers.Settlement.FederationProvider"] : line.ProviderName;

    private static bool IsMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
