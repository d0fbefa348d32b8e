using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.TestUtilities;

/// <summary>Small, valid course packages for tests; change a part with `with` to make it invalid.</summary>
public static class CoursePackages
{
    public static CoursePackage Valid(string code = "TEST-WELD-1", string title = "测试课程：焊接入门") => new()
    {
        FormatVersion = 1,
        Code = code,
        Title = title,
        Summary = "用于测试的焊接入门课程。",
        OccupationCode = "6-18-02-04",
        SkillLevel = "Level5",
        VoucherEligible = true,
        Instructors = [new PackageInstructor { Name = "测试讲师", Honours = ["Craftsman"], Bio = "测试用讲师简介。" }],
        Modules =
        [
            new PackageModule
            {
                Title = "安全", Tag = "safety",
                Lessons =
                [
                    new PackageLesson { Title = "防护用品", Kind = "Article", File = "lessons/01.md", NominalMinutes = 20, RequiredMinutes = 15 },
                    new PackageLesson { Title = "触电防护", Kind = "Article", File = "lessons/02.md", NominalMinutes = 25, RequiredMinutes = 20 },
                ],
            },
            new PackageModule
            {
                Title = "引弧", Tag = "arc",
                Lessons = [new PackageLesson { Title = "引弧方法", Kind = "Video", VideoUrl = "https://video.example/arc.mp4", VideoSeconds = 300, NominalMinutes = 10, RequiredMinutes = 5 }],
            },
        ],
        Questions =
        [
            new PackageQuestion { Type = "SingleChoice", Tag = "safety", Stem = "焊接时应佩戴什么？", Options = ["墨镜", "焊接面罩", "口罩"], Answer = [1], Explanation = "焊接面罩能挡住弧光。" },
            new PackageQuestion { Type = "MultipleChoice", Tag = "safety", Stem = "哪些属于劳动防护用品？", Options = ["绝缘鞋", "焊工手套", "拖鞋"], Answer = [0, 1], Explanation = "拖鞋不能防护。" },
            new PackageQuestion { Type = "TrueFalse", Tag = "arc", Stem = "引弧时可以直接用手扶焊条。", Answer = [1], Explanation = "必须戴手套并使用焊钳。" },
        ],
    };

    public static Dictionary<string, byte[]> Files(CoursePackage package) => new()
    {
        [CoursePackage.ManifestFile] = JsonSerializer.SerializeToUtf8Bytes(package, CoursePackage.JsonOptions),
        ["lessons/01.md"] = Encoding.UTF8.GetBytes("## 防护用品\n\n焊接面罩、手套、绝缘鞋。"),
        ["lessons/02.md"] = Encoding.UTF8.GetBytes("## 触电防护\n\n焊机外壳必须接地。"),
    };

    public static CoursePackageSource Source(CoursePackage package) => CoursePackageSource.FromFiles(Files(package));

    public static MemoryStream Zip(IReadOnlyDictionary<string, byte[]> files, string folder = "")
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                using var entry = archive.CreateEntry(folder + path).Open();
                entry.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>The listing facts of a test course, applied over the valid package.</summary>
    public sealed record Spec(string Code, string Title, string OccupationCode, string Level, bool VoucherEligible)
    {
        public CoursePackage Apply(CoursePackage package) => package with
        {
            Code = Code,
            Title = Title,
            Summary = $"{Title}：测试用课程简介。",
            OccupationCode = OccupationCode,
            SkillLevel = Level,
            VoucherEligible = VoucherEligible,
        };
    }
}
