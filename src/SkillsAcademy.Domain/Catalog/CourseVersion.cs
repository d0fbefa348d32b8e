namespace SkillsAcademy.Domain.Catalog;

/// <summary>
/// One version of a course's content. Published versions are never changed: editing a published course starts a
/// new draft version, so progress, results and certificates recorded against an old version stay valid.
/// </summary>
public sealed class CourseVersion
{
    private readonly List<CourseModule> _modules = [];
    private readonly List<Question> _questions = [];
    private readonly List<CourseInstructor> _instructors = [];

    private CourseVersion()
    {
        Title = "";
        Summary = "";
    }

    public CourseVersion(
        int number, string title, string summary, int occupationId, SkillLevel level, bool voucherEligible, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        Number = number;
        Title = title;
        Summary = summary;
        OccupationId = occupationId;
        SkillLevel = level;
        VoucherEligible = voucherEligible;
        CreatedAt = createdAt;
        Status = CourseVersionStatus.Draft;
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    public int Number { get; private set; }

    public CourseVersionStatus Status { get; private set; }

    public string Title { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The occupation, level and voucher eligibility this version is listed with once published.</summary>
    public int OccupationId { get; private set; }

    public SkillLevel SkillLevel { get; private set; }

    public bool VoucherEligible { get; private set; }

    /// <summary>Only a voucher pays for an enrolment (a funded course, 券定课程); implies <see cref="VoucherEligible"/>.</summary>
    public bool VoucherRequired { get; private set; }

    /// <summary>File-store path of the cover image, if any.</summary>
    public string? CoverPath { get; set; }

    public string? ReviewComment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public IReadOnlyList<CourseModule> Modules => _modules;

    public IReadOnlyList<Question> Questions => _questions;

    public IReadOnlyList<CourseInstructor> Instructors => _instructors;

    /// <summary>The course's final exam (结业考试) drawn from the whole question bank, if it has one.</summary>
    public Assessment.QuizSettings? FinalExam { get; set; }

    public int NominalMinutes => _modules.Sum(m => m.Lessons.Sum(l => l.NominalMinutes));

    public bool IsEditable => CourseVersionTransitions.IsEditable(Status);

    public CourseModule AddModule(string title, string tag)
    {
        if (_modules.Any(m => m.Tag == tag))
        {
            throw new InvalidOperationException($"The tag '{tag}' is already used by another module.");
        }

        var module = new CourseModule(_modules.Count + 1, title, tag);
        _modules.Add(module);
        return module;
    }

    public void AddQuestion(Question question) => _questions.Add(question);

    public void Describe(string title, string summary)
    {
        EnsureEditable();
        Title = title.Trim();
        Summary = summary.Trim();
    }

    public void Classify(int occupationId, SkillLevel level, bool voucherEligible)
    {
        EnsureEditable();
        OccupationId = occupationId;
        SkillLevel = level;
        VoucherEligible = voucherEligible;
        VoucherRequired = VoucherRequired && voucherEligible;
    }

    /// <summary>Makes the course voucher-only (or free again); a voucher-only course is always voucher-eligible.</summary>
    public void RequireVoucher(bool required)
    {
        EnsureEditable();
        VoucherRequired = required;
        VoucherEligible = VoucherEligible || required;
    }

    public void RemoveModule(CourseModule module)
    {
        EnsureEditable();
        _modules.Sort((a, b) => a.Position.CompareTo(b.Position));
        _modules.Remove(module);
        Renumber(_modules, (m, position) => m.Position = position);
    }

    public void RemoveQuestion(Question question)
    {
        EnsureEditable();
        _questions.Remove(question);
    }

    /// <summary>Moves a module one place up (-1) or down (+1) in the syllabus.</summary>
    public void MoveModule(CourseModule module, int direction)
    {
        EnsureEditable();
        _modules.Sort((a, b) => a.Position.CompareTo(b.Position));
        Move(_modules, module, direction);
        Renumber(_modules, (m, position) => m.Position = position);
    }

    /// <summary>A new draft with the same content and the same lesson and question keys, for editing a published course.</summary>
    public CourseVersion CopyAsDraft(int number, DateTimeOffset now)
    {
        var copy = new CourseVersion(number, Title, Summary, OccupationId, SkillLevel, VoucherEligible, now)
        {
            CoverPath = CoverPath,
            VoucherRequired = VoucherRequired,
            FinalExam = FinalExam?.Copy(),
        };
        foreach (var instructor in _instructors.OrderBy(i => i.Position))
        {
            copy.AddInstructor(instructor.Name, instructor.Honours, instructor.Bio);
        }

        foreach (var module in _modules.OrderBy(m => m.Position))
        {
            var moduleCopy = copy.AddModule(module.Title, module.Tag);
            moduleCopy.Quiz = module.Quiz?.Copy();
            foreach (var lesson in module.Lessons.OrderBy(l => l.Position))
            {
                moduleCopy.AddLesson(lesson.Copy());
            }
        }

        foreach (var question in _questions)
        {
            copy.AddQuestion(question.Copy());
        }

        return copy;
    }

    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException($"A {Status} version cannot be edited; start a new version.");
        }
    }

    internal static void Move<T>(List<T> items, T item, int direction)
    {
        var index = items.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= items.Count)
        {
            return;
        }

        (items[index], items[target]) = (items[target], items[index]);
    }

    internal static void Renumber<T>(List<T> items, Action<T, int> setPosition)
    {
        for (var i = 0; i < items.Count; i++)
        {
            setPosition(items[i], i + 1);
        }
    }

    public void AddInstructor(string name, InstructorHonours honours, string bio) =>
        _instructors.Add(new CourseInstructor(_instructors.Count + 1, name, honours, bio));

    public void Submit(DateTimeOffset now) => MoveTo(CourseVersionStatus.Submitted, now);

    public void Return(string comment, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        MoveTo(CourseVersionStatus.Returned, now);
        ReviewComment = comment.Trim();
    }

    internal void MoveTo(CourseVersionStatus target, DateTimeOffset now)
    {
        if (!CourseVersionTransitions.CanTransition(Status, target))
        {
            throw new InvalidOperationException($"A {Status} version cannot become {target}.");
        }

        Status = target;
        StatusChangedAt = now;
    }
}

public sealed class CourseModule
{
    private readonly List<Lesson> _lessons = [];

    private CourseModule()
    {
        Title = "";
        Tag = "";
    }

    internal CourseModule(int position, string title, string tag)
    {
        Position = position;
        Title = title;
        Tag = tag;
    }

    public int Id { get; private set; }

    public int CourseVersionId { get; private set; }

    public int Position { get; internal set; }

    public string Title { get; private set; }

    /// <summary>Quizzes draw this module's questions by tag.</summary>
    public string Tag { get; private set; }

    /// <summary>The end-of-module quiz (小结测试), if the module has one.</summary>
    public Assessment.QuizSettings? Quiz { get; set; }

    public IReadOnlyList<Lesson> Lessons => _lessons;

    public Lesson AddLesson(Lesson lesson)
    {
        lesson.Position = _lessons.Count + 1;
        _lessons.Add(lesson);
        return lesson;
    }

    public void Rename(string title) => Title = title.Trim();

    public void RemoveLesson(Lesson lesson)
    {
        _lessons.Remove(lesson);
        CourseVersion.Renumber(_lessons, (l, position) => l.Position = position);
    }

    public void MoveLesson(Lesson lesson, int direction)
    {
        var ordered = _lessons.OrderBy(l => l.Position).ToList();
        CourseVersion.Move(ordered, lesson, direction);
        CourseVersion.Renumber(ordered, (l, position) => l.Position = position);
    }
}

public sealed class Lesson
{
    private Lesson()
    {
        Title = "";
    }

    public Lesson(Guid key, string title, LessonKind kind, int nominalMinutes, int requiredMinutes)
    {
        if (nominalMinutes < 1 || requiredMinutes < 1 || requiredMinutes > nominalMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(requiredMinutes), "Required minutes must be between 1 and the nominal minutes.");
        }

        Key = key;
        Title = title;
        Kind = kind;
        NominalMinutes = nominalMinutes;
        RequiredMinutes = requiredMinutes;
    }

    public int Id { get; private set; }

    public int CourseModuleId { get; private set; }

    /// <summary>The same lesson in every version of the course, so that progress carries over a republish.</summary>
    public Guid Key { get; private set; }

    public int Position { get; internal set; }

    public string Title { get; private set; }

    public LessonKind Kind { get; private set; }

    public string? Markdown { get; set; }

    public string? VideoUrl { get; set; }

    /// <summary>File-store path of an uploaded video or PDF.</summary>
    public string? MediaPath { get; set; }

    public int? VideoSeconds { get; set; }

    public int NominalMinutes { get; private set; }

    public int RequiredMinutes { get; private set; }

    public void Describe(string title, LessonKind kind, int nominalMinutes, int requiredMinutes)
    {
        if (nominalMinutes < 1 || requiredMinutes < 1 || requiredMinutes > nominalMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(requiredMinutes), "Required minutes must be between 1 and the nominal minutes.");
        }

        Title = title.Trim();
        Kind = kind;
        NominalMinutes = nominalMinutes;
        RequiredMinutes = requiredMinutes;
    }

    internal Lesson Copy() => new(Key, Title, Kind, NominalMinutes, RequiredMinutes)
    {
        Markdown = Markdown,
        VideoUrl = VideoUrl,
        MediaPath = MediaPath,
        VideoSeconds = VideoSeconds,
    };
}

public sealed class Question
{
    private readonly List<QuestionOption> _options = [];

    private Question()
    {
        Tag = "";
        Stem = "";
        Explanation = "";
    }

    public Question(Guid key, QuestionType type, string tag, string stem, string explanation)
    {
        Key = key;
        Type = type;
        Tag = tag;
        Stem = stem;
        Explanation = explanation;
    }

    public int Id { get; private set; }

    public int CourseVersionId { get; private set; }

    /// <summary>The same question in every version, so item analysis spans versions.</summary>
    public Guid Key { get; private set; }

    public QuestionType Type { get; private set; }

    public string Tag { get; private set; }

    public string Stem { get; private set; }

    public string Explanation { get; private set; }

    public IReadOnlyList<QuestionOption> Options => _options;

    public void AddOption(string text, bool isCorrect) =>
        _options.Add(new QuestionOption(_options.Count + 1, text, isCorrect));

    /// <summary>Replaces the wording and the options; the key stays, so item analysis follows the question.</summary>
    public void Rewrite(QuestionType type, string tag, string stem, string explanation, IEnumerable<(string Text, bool IsCorrect)> options)
    {
        Type = type;
        Tag = tag;
        Stem = stem.Trim();
        Explanation = explanation.Trim();
        _options.Clear();
        foreach (var (text, isCorrect) in options)
        {
            AddOption(text.Trim(), isCorrect);
        }
    }

    internal Question Copy()
    {
        var copy = new Question(Key, Type, Tag, Stem, Explanation);
        foreach (var option in _options.OrderBy(o => o.Position))
        {
            copy.AddOption(option.Text, option.IsCorrect);
        }

        return copy;
    }
}

public sealed class QuestionOption
{
    private QuestionOption()
    {
        Text = "";
    }

    internal QuestionOption(int position, string text, bool isCorrect)
    {
        Position = position;
        Text = text;
        IsCorrect = isCorrect;
    }

    public int Id { get; private set; }

    public int QuestionId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; }

    public bool IsCorrect { get; private set; }
}

public sealed class CourseInstructor
{
    private CourseInstructor()
    {
        Name = "";
        Bio = "";
    }

    internal CourseInstructor(int position, string name, InstructorHonours honours, string bio)
    {
        Position = position;
        Name = name;
        Honours = honours;
        Bio = bio;
    }

    public int Id { get; private set; }

    public int CourseVersionId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public InstructorHonours Honours { get; private set; }

    public string Bio { get; private set; }
}
