using System.Globalization;
using SkillsAcademy.Infrastructure.Pdf;
using UglyToad.PdfPig;
using static SkillsAcademy.UnitTests.Infrastructure.Pdf.PdfTestSupport;

namespace SkillsAcademy.UnitTests.Infrastructure.Pdf;

public sealed class LearningRecordDocumentTests
{
    private static LearningRecordContent Record(int rows) => new(
        "工匠学堂",
        "张*明",
        "350***********1234",
        "2026-11-24 19:30",
        [.. Enumerable.Range(1, rows).Select(i => new LearningRecordRow(
            $"2026-11-{(i % 28) + 1:00} 09:{i % 60:00}",
            i % 3 == 0 ? "完成课时" : "学习时长",
            "焊工（中级）实操与安全规范",
            i % 5 == 0 ? "第3章 第2节 气体保护焊的安全操作要点，累计学习 45 分钟，已计入学时" : "学习 15 分钟",
            $"h{i:D6}x"))]);

    [Fact]
    public void A_long_record_breaks_into_numbered_pages_that_each_repeat_the_title_and_column_titles()
    {
        var pages = PageTexts(Renderer.RenderPdf(LearningRecordDocument.Create(Record(150))));

        pages.Count.ShouldBeGreaterThan(2);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain("学习记录");
            pages[i].ShouldContain("张*明");
            pages[i].ShouldContain("时间事件课程详情哈希");
            pages[i].ShouldContain(string.Create(CultureInfo.InvariantCulture, $"第{i + 1}页/共{pages.Count}页"));
        }
    }

    [Fact]
    public void Every_row_appears_once_in_order_across_the_pages()
    {
        var text = string.Concat(PageTexts(Renderer.RenderPdf(LearningRecordDocument.Create(Record(150)))));

        var positions = Enumerable.Range(1, 150).Select(i => text.IndexOf($"h{i:D6}x", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBe(positions.Order().ToList());
        Enumerable.Range(1, 150).ShouldAllBe(i => text.IndexOf($"h{i:D6}x", StringComparison.Ordinal) == text.LastIndexOf($"h{i:D6}x", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_stay_above_the_page_number_line()
    {
        using var document = PdfDocument.Open(Renderer.RenderPdf(LearningRecordDocument.Create(Record(150))));

        foreach (var page in document.GetPages())
        {
            // PDF y grows upwards; the page number is the lowest line that starts with 第.
            var numberBaseline = page.Letters.Where(l => l.Value == "第").Min(l => l.StartBaseLine.Y);
            var numberLine = page.Letters.Where(l => Math.Abs(l.StartBaseLine.Y - numberBaseline) < 0.1).ToList();
            var numberTop = numberLine.Max(l => l.BoundingBox.Top);

            Compact(string.Concat(numberLine.Select(l => l.Value))).ShouldStartWith("第");
            page.Letters.Except(numberLine).ShouldAllBe(l => l.BoundingBox.Bottom > numberTop);
        }
    }

    [Fact]
    public void A_short_record_is_one_A4_portrait_page()
    {
        var document = LearningRecordDocument.Create(Record(5));

        Renderer.CountPages(document).ShouldBe(1);
        using var pdf = PdfDocument.Open(Renderer.RenderPdf(document));
        pdf.GetPage(1).Width.ShouldBe(PageSize.A4ShortSide, 0.5);
        PageTexts(Renderer.RenderPdf(document)).ShouldHaveSingleItem().ShouldContain("第1页/共1页");
    }
}
