namespace SkillsAcademy.Domain.Assessment;

public enum AttemptStatus
{
    Open = 1,
    Submitted = 2,

    /// <summary>Closed by the server after the time limit and graded on the answers saved by then.</summary>
    TimedOut = 3,
}

/// <summary>
/// One learner's attempt at one quiz. Its questions and option orders are fixed when it starts; answers are saved
/// as the learner goes; it is graded once, on the server, by submission or when its time runs out.
/// </summary>
public sealed class QuizAttempt
{
    /// <summary>A submission this late after the deadline is still on time: the network may delay the tap.</summary>
    public static readonly TimeSpan SubmissionGrace = TimeSpan.FromSeconds(10);

    private readonly List<AttemptItem> _items = [];

    private QuizAttempt()
    {
        QuizKey = "";
    }

    public QuizAttempt(Guid id, Guid learnerId, int courseId, int courseVersionId, string quizKey, int number, DateTimeOffset startedAt, TimeSpan timeLimit)
    {
        Id = id;
        LearnerId = learnerId;
        CourseId = courseId;
        CourseVersionId = courseVersionId;
        QuizKey = quizKey;
        Number = number;
        StartedAt = startedAt;
        DeadlineAt = startedAt + timeLimit;
        Status = AttemptStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid LearnerId { get; private set; }

    public int CourseId { get; private set; }

    public int CourseVersionId { get; private set; }

    public string QuizKey { get; private set; }

    /// <summary>1 for the first attempt at this quiz; unique per learner, course and quiz.</summary>
    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Guards submission: the row is updated only while it is still Open (a concurrency token), and a filtered
    /// unique index allows one Open attempt per learner and quiz.
    /// </summary>
    public AttemptStatus Status { get; private set; }

    public int? CorrectCount { get; private set; }

    public int? ScorePercent { get; private set; }

    public bool? Passed { get; private set; }

    public IReadOnlyList<AttemptItem> Items => _items;

    public bool IsOpen => Status == AttemptStatus.Open;

    public bool IsPastDeadline(DateTimeOffset now) => now > DeadlineAt + SubmissionGrace;

    public void AddItem(Guid questionKey, int questionId, IReadOnlyList<int> optionOrder) =>
        _items.Add(new AttemptItem(Id, _items.Count + 1, questionKey, questionId, optionOrder));

    /// <summary>Grades the attempt and closes it. <paramref name="correctByQuestion"/> holds each question's correct option positions.</summary>
    public void Close(AttemptStatus closedAs, IReadOnlyDictionary<int, IReadOnlySet<int>> correctByQuestion, int passPercent, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The attempt is already closed.");
        }

        if (closedAs == AttemptStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(closedAs));
        }

        foreach (var item in _items)
        {
            item.Grade(correctByQuestion.TryGetValue(item.QuestionId, out var correct) ? correct : new HashSet<int>());
        }

        CorrectCount = _items.Count(i => i.Correct == true);
        ScorePercent = QuizGrading.ScorePercent(CorrectCount.Value, _items.Count);
        Passed = QuizGrading.Passed(ScorePercent.Value, passPercent);
        Status = closedAs;
        ClosedAt = now;
    }
}

/// <summary>One drawn question of an attempt: which question, the order its options were shown in, and the answer.</summary>
public sealed class AttemptItem
{
    private AttemptItem()
    {
        OptionOrder = "";
    }

    internal AttemptItem(Guid attemptId, int position, Guid questionKey, int questionId, IReadOnlyList<int> optionOrder)
    {
        AttemptId = attemptId;
        Position = position;
        QuestionKey = questionKey;
        QuestionId = questionId;
        OptionOrder = string.Join(',', optionOrder);
    }

    public Guid AttemptId { get; private set; }

    public int Position { get; private set; }

    public Guid QuestionKey { get; private set; }

    public int QuestionId { get; private set; }

    /// <summary>Option positions in the order shown, e.g. "3,1,2".</summary>
    public string OptionOrder { get; private set; }

    /// <summary>Chosen option positions (original, not display order), e.g. "1,3"; null while unanswered.</summary>
    public string? Chosen { get; private set; }

    public bool? Correct { get; private set; }

    public IReadOnlyList<int> ShownOrder => Parse(OptionOrder);

    public IReadOnlyList<int> ChosenPositions => Parse(Chosen);

    /// <summary>Records the options chosen by their display index (0-based); indexes outside the shown options are refused.</summary>
    public bool Choose(IReadOnlyCollection<int> displayIndexes)
    {
        var shown = ShownOrder;
        if (displayIndexes.Any(i => i < 0 || i >= shown.Count))
        {
            return false;
        }

        var positions = displayIndexes.Distinct().Select(i => shown[i]).Order().ToList();
        Chosen = positions.Count == 0 ? null : string.Join(',', positions);
        return true;
    }

    internal void Grade(IReadOnlySet<int> correctPositions) => Correct = QuizGrading.IsCorrect(correctPositions, ChosenPositions);

    private static IReadOnlyList<int> Parse(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
