using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Files;

namespace SkillsAcademy.Web.Features.Authoring.Packages;

/// <summary>Writes a course version as a package zip that <see cref="CoursePackageSource"/> and the importer read back.</summary>
public sealed class CoursePackageWriter(IFileStore fileStore)
{
    public async Task WriteZipAsync(Course course, CourseVersion version, string occupationCode, Stream output, CancellationToken cancellationToken)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var modules = new List<PackageModule>();
        var lessonNumber = 0;
        foreach (var module in version.Modules.OrderBy(m => m.Position))
        {
            var lessons = new List<PackageLesson>();
            foreach (var lesson in module.Lessons.OrderBy(l => l.Position))
            {
                lessonNumber++;
                var entry = new PackageLesson
                {
                    Title = lesson.Title,
                    Kind = lesson.Kind.ToString(),
                    NominalMinutes = lesson.NominalMinutes,
                    RequiredMinutes = lesson.RequiredMinutes,
                };
                switch (lesson.Kind)
                {
                    case LessonKind.Article:
                        var file = $"lessons/{lessonNumber:00}.md";
                        await WriteEntryAsync(archive, file, Encoding.UTF8.GetBytes(lesson.Markdown ?? ""), cancellationToken);
                        entry = entry with { File = file };
                        break;
                    case LessonKind.Video when lesson.MediaPath is null:
                        entry = entry with { VideoUrl = lesson.VideoUrl, VideoSeconds = lesson.VideoSeconds };
                        break;
                    case LessonKind.Video:
                        entry = entry with { Video = await CopyMediaAsync(archive, lesson.MediaPath, cancellationToken), VideoSeconds = lesson.VideoSeconds };
                        break;
                    case LessonKind.Document:
                        entry = entry with { Document = await CopyMediaAsync(archive, lesson.MediaPath!, cancellationToken) };
                        break;
                }

                lessons.Add(entry);
            }

            modules.Add(new PackageModule { Title = module.Title, Tag = module.Tag, Lessons = lessons, Quiz = module.Quiz is { } quiz ? PackageQuiz.From(quiz) : null });
        }

        var package = new CoursePackage
        {
            FormatVersion = 1,
            Code = course.Code,
            Title = version.Title,
            Summary = version.Summary,
            OccupationCode = occupationCode,
            SkillLevel = version.SkillLevel.ToString(),
            VoucherEligible = version.VoucherEligible,
            VoucherRequired = version.VoucherRequired,
            Cover = version.CoverPath is null ? null : await CopyMediaAsync(archive, version.CoverPath, cancellationToken),
            Instructors = version.Instructors.OrderBy(i => i.Position).Select(i => new PackageInstructor
            {
                Name = i.Name,
                Bio = i.Bio,
                Honours = Enum.GetValues<InstructorHonours>().Where(h => h != InstructorHonours.None && i.Honours.HasFlag(h)).Select(h => h.ToString()).ToList(),
            }).ToList(),
            Modules = modules,
            FinalExam = version.FinalExam is { } finalExam ? PackageQuiz.From(finalExam) : null,
            Questions = version.Questions.OrderBy(q => q.Id).Select(q => new PackageQuestion
            {
                Type = q.Type.ToString(),
                Tag = q.Tag,
                Stem = q.Stem,
                Explanation = q.Explanation,
                Options = q.Type == QuestionType.TrueFalse ? null : q.Options.OrderBy(o => o.Position).Select(o => o.Text).ToList(),
                Answer = q.Options.OrderBy(o => o.Position).Select((o, index) => (o, index)).Where(x => x.o.IsCorrect).Select(x => x.index).ToList(),
            }).ToList(),
        };
        await WriteEntryAsync(archive, CoursePackage.ManifestFile, JsonSerializer.SerializeToUtf8Bytes(package, CoursePackage.JsonOptions), cancellationToken);
    }

    private async Task<string> CopyMediaAsync(ZipArchive archive, string storePath, CancellationToken cancellationToken)
    {
        var name = $"media/{Path.GetFileName(storePath)}";
        await using var media = fileStore.OpenRead(storePath) ?? throw new FileNotFoundException("A course file is missing from the file store.", storePath);
        await using var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
        await media.CopyToAsync(entry, cancellationToken);
        return name;
    }

    private static async Task WriteEntryAsync(ZipArchive archive, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(content, cancellationToken);
    }
}
