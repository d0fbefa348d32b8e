using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.PersonalData;

namespace SkillsAcademy.Web.Features.Vouchers;

public sealed partial class VoucherService
{
    /// <summary>
    /// Issues one voucher of the batch to each learner listed in a CSV or XLSX file (first column: mobile number or
    /// resident ID number, an optional header row). All or nothing: if any row is rejected, or the stock does not
    /// cover every row, nothing is issued and the report says why; otherwise every row is issued in one transaction.
    /// Numbers are looked up through their keyed hashes and only ever reported masked.
    /// </summary>
    public async Task<ImportReport> ImportAsync(int batchId, Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        List<(int Line, string Value)> cells;
        try
        {
            cells = await ReadFirstColumnAsync(file, fileName, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or CsvFormatException or IOException or InvalidOperationException or NotSupportedException)
        {
            return ImportReport.Refused(ImportProblem.UnreadableFile);
        }

        if (cells.Count > MaxImportRows)
        {
            return ImportReport.Refused(ImportProblem.TooManyRows);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.VoucherBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return ImportReport.Refused(ImportProblem.BatchNotFound);
        }

        if (Today > batch.ValidUntil)
        {
            return ImportReport.Refused(ImportProblem.BatchExpired);
        }

        var rows = Classify(cells);
        var mobileHashes = rows.Where(r => r.Kind == PersonalDataKind.MobileNumber).Select(r => r.Hash!).Distinct().ToList();
        var idHashes = rows.Where(r => r.Kind == PersonalDataKind.ResidentIdNumber).Select(r => r.Hash!).Distinct().ToList();
        var byMobile = await db.Users.AsNoTracking()
            .Where(u => u.MobileLookupHash != null && mobileHashes.Contains(u.MobileLookupHash))
            .ToDictionaryAsync(u => u.MobileLookupHash!, u => u.Id, cancellationToken);
        var byIdNumber = await db.LearnerProfiles.AsNoTracking()
            .Where(p => idHashes.Contains(p.IdNumberHash))
            .ToDictionaryAsync(p => p.IdNumberHash, p => p.UserId, cancellationToken);
        var holders = (await db.Vouchers.AsNoTracking()
            .Where(v => v.BatchId == batchId && v.LearnerId != null)
            .Select(v => v.LearnerId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();

        var rejected = new List<ImportRowRejection>();
        var learners = new List<Guid>();
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            if (row.Problem is { } problem)
            {
                rejected.Add(new ImportRowRejection(row.Number, row.Masked, problem));
                continue;
            }

            var map = row.Kind == PersonalDataKind.MobileNumber ? byMobile : byIdNumber;
            if (!map.TryGetValue(row.Hash!, out var learnerId))
            {
                rejected.Add(new ImportRowRejection(row.Number, row.Masked, ImportRowProblem.NoLearner));
            }
            else if (!seen.Add(learnerId))
            {
                rejected.Add(new ImportRowRejection(row.Number, row.Masked, ImportRowProblem.Duplicate));
            }
            else if (holders.Contains(learnerId))
            {
                rejected.Add(new ImportRowRejection(row.Number, row.Masked, ImportRowProblem.AlreadyHasVoucher));
            }
            else
            {
                learners.Add(learnerId);
            }
        }

        if (rejected.Count > 0 || learners.Count == 0)
        {
            LogImported(batchId, 0, rejected.Count);
            return new ImportReport(0, rows.Count, learners.Count == 0 && rejected.Count == 0 ? ImportProblem.NoRows : ImportProblem.RowsRejected, rejected);
        }

        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stock = await db.Vouchers.AsNoTracking()
            .Where(v => v.BatchId == batchId && v.Status == VoucherStatus.Issued)
            .OrderBy(v => v.Id)
            .Select(v => v.Id)
            .Take(learners.Count)
            .ToListAsync(cancellationToken);
        if (stock.Count < learners.Count)
        {
            return new ImportReport(0, rows.Count, ImportProblem.NotEnoughStock, []);
        }

        try
        {
            for (var i = 0; i < learners.Count; i++)
            {
                var voucherId = stock[i];
                var learnerId = learners[i];
                var changed = await db.Vouchers.Where(v => v.Id == voucherId && v.Status == VoucherStatus.Issued)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(v => v.Status, VoucherStatus.Assigned)
                        .SetProperty(v => v.LearnerId, learnerId)
                        .SetProperty(v => v.AssignedAt, now), cancellationToken);
                if (changed != 1)
                {
                    // Claimed or voided since we looked: refuse the whole import rather than issue part of it.
                    await transaction.RollbackAsync(cancellationToken);
                    return new ImportReport(0, rows.Count, ImportProblem.StockChanged, []);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A learner claimed a voucher of this batch meanwhile (one per learner and batch).
            await transaction.RollbackAsync(cancellationToken);
            return new ImportReport(0, rows.Count, ImportProblem.StockChanged, []);
        }

        LogImported(batchId, learners.Count, 0);
        return new ImportReport(learners.Count, rows.Count, null, []);
    }

    private List<ImportRow> Classify(List<(int Line, string Value)> cells)
    {
        var rows = new List<ImportRow>();
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i].Value.Trim();
            // A header ("手机号", "mobile") has no digits; blank lines are ignored.
            if (value.Length == 0 || (i == 0 && !value.Any(char.IsDigit)))
            {
                continue;
            }

            var number = cells[i].Line;
            if (MobileNumber.TryParse(value, out var mobile))
            {
                rows.Add(new ImportRow(number, mobile.Masked, PersonalDataKind.MobileNumber, personalData.LookupHash(PersonalDataKind.MobileNumber, mobile.Value), null));
            }
            else if (ResidentIdNumber.TryParse(value, Today, out var idNumber, out _))
            {
                rows.Add(new ImportRow(number, idNumber.Masked, PersonalDataKind.ResidentIdNumber, personalData.LookupHash(PersonalDataKind.ResidentIdNumber, idNumber.Value), null));
            }
            else
            {
                var problem = value.Length == 18 || value.Length == 15 ? ImportRowProblem.InvalidIdNumber : ImportRowProblem.NotMobileOrIdNumber;
                rows.Add(new ImportRow(number, Mask(value), null, null, problem));
            }
        }

        return rows;
    }

    private static string Mask(string value) =>
        value.Length >= 8 ? string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4)) : new string('*', value.Length);

    private static async Task<List<(int Line, string Value)>> ReadFirstColumnAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        var cells = new List<(int Line, string Value)>();
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // The XLSX reader needs a seekable stream; uploads arrive forward-only.
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            var line = 0;
            foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                line++;
                cells.Add((line, row.Values.FirstOrDefault() is { } cell ? Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "" : ""));
            }

            return cells;
        }

        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("Only CSV and XLSX files are read.");
        }

        // No header assumed: a header row has no digits and is skipped by the classifier.
        await using var csv = CsvReader.Create(file, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true }, leaveOpen: true);
        while (await csv.ReadAsync(cancellationToken))
        {
            cells.Add(((int)csv.LineNumber, csv.FieldCount > 0 ? csv.GetString(0) : ""));
        }

        return cells;
    }

    private sealed record ImportRow(int Number, string Masked, PersonalDataKind? Kind, string? Hash, ImportRowProblem? Problem);
}

/// <summary>The outcome of an import: issued count, or the reason nothing was issued and the rejected rows.</summary>
public sealed record ImportReport(int Issued, int Rows, ImportProblem? Problem, IReadOnlyList<ImportRowRejection> Rejections)
{
    public bool Succeeded => Problem is null;

    public static ImportReport Refused(ImportProblem problem) => new(0, 0, problem, []);
}

/// <summary>A rejected row: its 1-based line in the file, the value masked, and why.</summary>
public sealed record ImportRowRejection(int Row, string MaskedValue, ImportRowProblem Problem);

public enum ImportProblem
{
    UnreadableFile,
    TooManyRows,
    BatchNotFound,
    BatchExpired,
    NoRows,
    RowsRejected,
    NotEnoughStock,
    StockChanged,
}

public enum ImportRowProblem
{
    NotMobileOrIdNumber,
    InvalidIdNumber,
    NoLearner,
    Duplicate,
    AlreadyHasVoucher,
}
