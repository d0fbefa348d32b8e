using System.Globalization;
using Bogus;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Generated courses: published, one version, a few modules of article lessons, a question bank and a final exam,
/// codes GEN-00001… that cannot collide with imported courses.
/// </summary>
internal static class DemoCatalog
{
    public const string CodePrefix = "GEN-";

    /// <summary>More occupations of the 2022 national classification, so that the occupation dimension has some breadth.</summary>
    public static IReadOnlyList<(string Code, string Name, string EnglishName)> ExtraOccupations { get; } =
    [
        ("6-18-01-01", "车工", "Lathe operator"),
        ("6-18-01-02", "铣工", "Milling machine operator"),
        ("6-18-01-04", "磨工", "Grinder"),
        ("6-18-02-01", "铸造工", "Foundry worker"),
        ("6-18-02-02", "锻造工", "Forging worker"),
        ("6-18-02-03", "金属热处理工", "Heat treatment worker"),
        ("6-31-01-03", "电工", "Electrician"),
        ("6-29-01-03", "砌筑工", "Bricklayer"),
        ("6-29-03-01", "架子工", "Scaffolder"),
        ("6-30-05-01", "起重装卸机械操作工", "Crane operator"),
        ("6-31-03-01", "仪器仪表维修工", "Instrument repairer"),
        ("4-12-01-01", "汽车维修工", "Motor vehicle mechanic"),
    ];

    private static readonly string[] _topics =
    [
        "安全操作规程", "识图与工艺", "设备维护保养", "质量检验", "实操技能训练", "理论知识精讲", "新技术新工艺", "考前冲刺",
        "常见故障排除", "工具与量具使用", "职业道德与安全生产", "典型工件实训", "班组管理与精益生产", "节能环保作业",
    ];

    private static readonly string[] _lessonThemes =
    [
        "基础知识", "工艺要点", "操作步骤", "安全要求", "质量标准", "案例分析", "常见问题", "实操演示", "练习与总结", "技能要领",
    ];

    public static string LevelName(SkillLevel level) => level switch
    {
        SkillLevel.Level5 => "初级",
        SkillLevel.Level4 => "中级",
        SkillLevel.Level3 => "高级",
        SkillLevel.Level2 => "技师",
        _ => "高级技师",
    };

    public static string Code(int number) => CodePrefix + number.ToString("D5", CultureInfo.InvariantCulture);

    public static SkillLevel PickLevel(Random random) => random.NextDouble() switch
    {
        < 0.5 => SkillLevel.Level5,
        < 0.82 => SkillLevel.Level4,
        _ => SkillLevel.Level3,
    };

    /// <summary>A published course with its content; <paramref name="publishedAt"/> is before the first generated enrolment.</summary>
    public static Course Build(
        int number, Occupation occupation, SkillLevel level, bool voucherEligible, Faker faker, Random random, DateTimeOffset publishedAt)
    {
        var topic = _topics[random.Next(_topics.Length)];
        var title = $"{occupation.Name}（{LevelName(level)}）{topic}";
        var summary = $"面向{occupation.Name}{LevelName(level)}工的{topic}课程：结合生产一线的真实案例，讲解要点、规范与常见问题，学完可参加结业考试。";
        var createdAt = publishedAt.AddDays(-random.Next(3, 60));
        var course = new Course(Code(number), occupation.Id, level, voucherEligible, null, createdAt);
        var version = course.AddVersion(new CourseVersion(1, title, summary, occupation.Id, level, voucherEligible, createdAt));
        version.AddInstructor(faker.Name.LastName() + faker.Name.FirstName(), (InstructorHonours)(1 << random.Next(4)),
            $"{occupation.Name}高级技师，从事{occupation.Name}工作二十余年。");

        var modules = random.Next(2, 5);
        for (var m = 1; m <= modules; m++)
        {
            var module = version.AddModule($"第{m}章 {topic}（{m}）", "m" + m.ToString(CultureInfo.InvariantCulture));
            var lessons = random.Next(3, 6);
            for (var l = 1; l <= lessons; l++)
            {
                var nominal = random.Next(4, 13) * 5;
                var required = Math.Max(1, (int)Math.Round(nominal * 0.8));
                var theme = _lessonThemes[random.Next(_lessonThemes.Length)];
                module.AddLesson(new Lesson(RandomGuid(random), $"{m}.{l} {topic}：{theme}", LessonKind.Article, nominal, required)
                {
                    Markdown = $"## {theme}\n\n本节讲解{occupation.Name}{topic}中的{theme}。请结合图示和现场实际，逐条对照操作规范学习。\n\n- 作业前检查设备与防护用品\n- 按工艺文件要求操作\n- 作业后清理现场并记录\n",
                });
            }
        }

        for (var q = 1; q <= 8; q++)
        {
            var question = new Question(RandomGuid(random), QuestionType.SingleChoice, "m" + (1 + (q - 1) % modules).ToString(CultureInfo.InvariantCulture),
                $"关于{occupation.Name}{topic}，下列说法正确的是哪一项？（第{q}题）", "正确做法见本课程对应章节。");
            var correct = random.Next(4);
            for (var o = 0; o < 4; o++)
            {
                question.AddOption(o == correct ? "按操作规程执行，作业前确认安全措施" : $"凭经验操作，可省略步骤{o + 1}", o == correct);
            }

            version.AddQuestion(question);
        }

        version.FinalExam = new QuizSettings(questionCount: 5, passPercent: 60, timeLimitMinutes: 20, attemptsAllowed: 0, ReviewPolicy.AfterEachAttempt);
        course.Publish(version, publishedAt);
        return course;
    }

    /// <summary>A version-4 Guid from the generator's seeded random source, so that a seed always gives the same keys.</summary>
    public static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
