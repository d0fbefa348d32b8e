using CsvHelper;
using MiniExcelLibs;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Statistics;

namespace SkillsAcademy.UnitTests.Web.Features.Statistics;

public sealed class StatisticsFileWriterTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    private static StatisticsRow Row(int i, string label = "福州市", string? second = null, int attempts = 3) =>
        new($"k{i}", label, second, null, new StatisticsMeasures(
            PersonTimes: 10 + i, Learners: 7 + i, CreditedSeconds: 2700L * 3 + 1350, NewEnrolments: 4, Completions: 2, Certificates: 1,
            QuizAttempts: attempts, QuizPasses: attempts == 0 ? 0 : 2, VouchersRedeemed: 1, VoucherAmountFen: 29950));

    private static StatisticsFileWriter Writer(StatisticsLayout layout, string culture) =>
        LocalizerFactory.InCulture(culture, () => StatisticsFileWriter.For(layout, LocalizerFactory.Shared()));

    private string NewFile(string extension) => Path.Combine(_data.Path, $"{Guid.NewGuid():N}.{extension}");

    [Fact]
    public async Task A_csv_starts_with_the_byte_order_mark_and_has_chinese_headers_and_fixed_decimals()
    {
        var path = NewFile("csv");
        await using (var file = File.Create(path))
        {
            var written = await Writer(StatisticsLayout.ByRegion, "zh-CN").WriteCsvAsync(file, [Row(0), Row(1, "=HYPERLINK(\"x\")", attempts: 0)]);
            written.ShouldBe(2);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var records = await ReadCsvAsync(path);
        records[0].ShouldBe(["地区", "培训人次", "学员人数", "学时", "新增报名", "结业人数", "发证数", "测验次数", "测验通过率(%)", "核销培训券", "核销金额(元)"]);
        records[1].ShouldBe(["福州市", "10", "7", "3.50", "4", "2", "1", "3", "66.7", "1", "299.50"]);
        // No attempts: the pass rate is empty, not 0; a label a spreadsheet would run is escaped.
        records[2][8].ShouldBe("");
        records[2][0].ShouldBe("'=HYPERLINK(\"x\")");
    }

    [Fact]
    public async Task The_provincial_report_has_region_and_occupation_and_its_seven_measures_in_english_for_en()
    {
        var path = NewFile("csv");
        await using (var file = File.Create(path))
        {
            await Writer(StatisticsLayout.ProvincialReport, "en").WriteCsvAsync(file, [Row(0, "Fuzhou", "Welder")]);
        }

        var records = await ReadCsvAsync(path);
        records[0].ShouldBe(["Region", "Occupation", "Person-times", "Learners", "Credit hours", "Completions", "Certificates issued", "Vouchers redeemed", "Voucher amount (CNY)"]);
        records[1].ShouldBe(["Fuzhou", "Welder", "10", "7", "3.50", "2", "1", "1", "299.50"]);
    }

    [Fact]
    public async Task An_xlsx_has_the_headers_and_numbers_as_numbers()
    {
        var path = NewFile("xlsx");
        await using (var file = File.Create(path))
        {
            (await Writer(StatisticsLayout.ByOccupation, "zh-CN").WriteXlsxAsync(file, [Row(0, "焊工"), Row(1, "钳工", attempts: 0)], "培训统计")).ShouldBe(2);
        }

        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows[0].Keys.ShouldBe(["职业", "培训人次", "学员人数", "学时", "新增报名", "结业人数", "发证数", "测验次数", "测验通过率(%)", "核销培训券", "核销金额(元)"]);
        rows[0]["职业"].ShouldBe("焊工");
        Convert.ToInt32(rows[0]["培训人次"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(10);
        Convert.ToDecimal(rows[0]["学时"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3.5m);
        Convert.ToDecimal(rows[0]["测验通过率(%)"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(66.7m);
        Convert.ToDecimal(rows[0]["核销金额(元)"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(299.5m);
        rows[1]["测验通过率(%)"].ShouldBeNull();
        MiniExcel.GetSheetNames(path).ShouldBe(["培训统计"]);
    }

    [Theory]
    [InlineData(StatisticsFileFormat.Csv)]
    [InlineData(StatisticsFileFormat.Xlsx)]
    public async Task The_writer_writes_each_row_to_the_file_while_it_pulls_the_next_never_the_whole_sequence_first(StatisticsFileFormat format)
    {
        const int count = 120_000;
        var path = NewFile(format.ToString());
        var lengths = new List<long>();
        var writer = Writer(StatisticsLayout.ByCourse, "zh-CN");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096))
        {
            // Rows made one at a time; every 30,000 rows the file's length so far is noted.
            IEnumerable<StatisticsRow> Rows()
            {
                for (var i = 0; i < count; i++)
                {
                    if (i > 0 && i % 30_000 == 0)
                    {
                        file.Flush();
                        lengths.Add(new FileInfo(path).Length);
                    }

                    yield return Row(i, $"课程 {i}");
                }
            }

            var written = format == StatisticsFileFormat.Csv
                ? await writer.WriteCsvAsync(file, Rows())
                : await writer.WriteXlsxAsync(file, Rows(), "培训统计");
            written.ShouldBe(count);
        }

        var final = new FileInfo(path).Length;
        lengths.Count.ShouldBe(3);
        // A writer that collected the rows first would have written nothing by then.
        lengths[0].ShouldBeGreaterThan(final / 10);
        lengths[1].ShouldBeGreaterThan(lengths[0]);
        lengths[2].ShouldBeGreaterThan(lengths[1]);
    }

    private static async Task<List<string[]>> ReadCsvAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var records = new List<string[]>();
        while (await csv.ReadAsync())
        {
            records.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return records;
    }

    public void Dispose() => _data.Dispose();
}
