IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(50) NOT NULL,
        [MobileLookupHash] nvarchar(64) NULL,
        [MobileNumberProtected] nvarchar(512) NULL,
        [MobileNumberMasked] nvarchar(16) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [Occupations] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(16) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [EnglishName] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_Occupations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AspNetUsers_MobileLookupHash] ON [AspNetUsers] ([MobileLookupHash]) WHERE [MobileLookupHash] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Occupations_Code] ON [Occupations] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124154226_InitialFoundation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124154226_InitialFoundation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [Courses] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [VoucherEligible] bit NOT NULL,
        [OwnerId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ListingTitle] nvarchar(100) NOT NULL,
        [ListingSummary] nvarchar(500) NOT NULL,
        [ListingNominalMinutes] int NOT NULL,
        [PublishedAt] datetimeoffset NULL,
        [EnrolmentCount] int NOT NULL,
        CONSTRAINT [PK_Courses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Courses_Occupations_OccupationId] FOREIGN KEY ([OccupationId]) REFERENCES [Occupations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [CourseVersions] (
        [Id] int NOT NULL IDENTITY,
        [CourseId] int NOT NULL,
        [Number] int NOT NULL,
        [Status] int NOT NULL,
        [Title] nvarchar(100) NOT NULL,
        [Summary] nvarchar(500) NOT NULL,
        [CoverPath] nvarchar(260) NULL,
        [ReviewComment] nvarchar(2000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [StatusChangedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CourseVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseVersions_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [CourseInstructor] (
        [Id] int NOT NULL IDENTITY,
        [CourseVersionId] int NOT NULL,
        [Position] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Honours] int NOT NULL,
        [Bio] nvarchar(300) NOT NULL,
        CONSTRAINT [PK_CourseInstructor] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseInstructor_CourseVersions_CourseVersionId] FOREIGN KEY ([CourseVersionId]) REFERENCES [CourseVersions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [CourseModule] (
        [Id] int NOT NULL IDENTITY,
        [CourseVersionId] int NOT NULL,
        [Position] int NOT NULL,
        [Title] nvarchar(100) NOT NULL,
        [Tag] nvarchar(30) NOT NULL,
        CONSTRAINT [PK_CourseModule] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseModule_CourseVersions_CourseVersionId] FOREIGN KEY ([CourseVersionId]) REFERENCES [CourseVersions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [Question] (
        [Id] int NOT NULL IDENTITY,
        [CourseVersionId] int NOT NULL,
        [Key] uniqueidentifier NOT NULL,
        [Type] int NOT NULL,
        [Tag] nvarchar(30) NOT NULL,
        [Stem] nvarchar(500) NOT NULL,
        [Explanation] nvarchar(1000) NOT NULL,
        CONSTRAINT [PK_Question] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Question_CourseVersions_CourseVersionId] FOREIGN KEY ([CourseVersionId]) REFERENCES [CourseVersions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [Lesson] (
        [Id] int NOT NULL IDENTITY,
        [CourseModuleId] int NOT NULL,
        [Key] uniqueidentifier NOT NULL,
        [Position] int NOT NULL,
        [Title] nvarchar(100) NOT NULL,
        [Kind] int NOT NULL,
        [Markdown] nvarchar(max) NULL,
        [VideoUrl] nvarchar(500) NULL,
        [MediaPath] nvarchar(260) NULL,
        [VideoSeconds] int NULL,
        [NominalMinutes] int NOT NULL,
        [RequiredMinutes] int NOT NULL,
        CONSTRAINT [PK_Lesson] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Lesson_CourseModule_CourseModuleId] FOREIGN KEY ([CourseModuleId]) REFERENCES [CourseModule] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE TABLE [QuestionOption] (
        [Id] int NOT NULL IDENTITY,
        [QuestionId] int NOT NULL,
        [Position] int NOT NULL,
        [Text] nvarchar(300) NOT NULL,
        [IsCorrect] bit NOT NULL,
        CONSTRAINT [PK_QuestionOption] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QuestionOption_Question_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [Question] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_CourseInstructor_CourseVersionId] ON [CourseInstructor] ([CourseVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CourseModule_CourseVersionId_Tag] ON [CourseModule] ([CourseVersionId], [Tag]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Courses_Code] ON [Courses] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_EnrolmentCount] ON [Courses] ([EnrolmentCount]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_OccupationId_SkillLevel] ON [Courses] ([OccupationId], [SkillLevel]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_OwnerId] ON [Courses] ([OwnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_PublishedAt] ON [Courses] ([PublishedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Courses_SkillLevel] ON [Courses] ([SkillLevel]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CourseVersions_CourseId_Number] ON [CourseVersions] ([CourseId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CourseVersions_OnePublished] ON [CourseVersions] ([CourseId]) WHERE [Status] = 4');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CourseVersions_OneWorkingCopy] ON [CourseVersions] ([CourseId]) WHERE [Status] IN (1, 2, 3)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Lesson_CourseModuleId_Position] ON [Lesson] ([CourseModuleId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Lesson_Key] ON [Lesson] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Question_CourseVersionId_Tag] ON [Question] ([CourseVersionId], [Tag]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_Question_Key] ON [Question] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    CREATE INDEX [IX_QuestionOption_QuestionId] ON [QuestionOption] ([QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124160513_CourseCatalog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124160513_CourseCatalog', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [OccupationId] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [SkillLevel] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [VoucherEligible] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    UPDATE CourseVersions SET OccupationId = (SELECT c.OccupationId FROM Courses c WHERE c.Id = CourseVersions.CourseId), SkillLevel = (SELECT c.SkillLevel FROM Courses c WHERE c.Id = CourseVersions.CourseId), VoucherEligible = (SELECT c.VoucherEligible FROM Courses c WHERE c.Id = CourseVersions.CourseId);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    CREATE INDEX [IX_CourseVersions_OccupationId] ON [CourseVersions] ([OccupationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD CONSTRAINT [FK_CourseVersions_Occupations_OccupationId] FOREIGN KEY ([OccupationId]) REFERENCES [Occupations] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124170143_VersionClassification'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124170143_VersionClassification', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE TABLE [CheckIns] (
        [LearnerId] uniqueidentifier NOT NULL,
        [Day] date NOT NULL,
        [CheckedInAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CheckIns] PRIMARY KEY ([LearnerId], [Day]),
        CONSTRAINT [FK_CheckIns_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE TABLE [Enrolments] (
        [Id] int NOT NULL IDENTITY,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [CourseVersionId] int NOT NULL,
        [EnrolledAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        CONSTRAINT [PK_Enrolments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Enrolments_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Enrolments_CourseVersions_CourseVersionId] FOREIGN KEY ([CourseVersionId]) REFERENCES [CourseVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Enrolments_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE TABLE [LearningEvents] (
        [LearnerId] uniqueidentifier NOT NULL,
        [Sequence] bigint NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        [PreviousHash] nchar(64) NOT NULL,
        [Hash] nchar(64) NOT NULL,
        CONSTRAINT [PK_LearningEvents] PRIMARY KEY ([LearnerId], [Sequence]),
        CONSTRAINT [FK_LearningEvents_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE INDEX [IX_Enrolments_CourseId] ON [Enrolments] ([CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE INDEX [IX_Enrolments_CourseVersionId] ON [Enrolments] ([CourseVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Enrolments_LearnerId_CourseId] ON [Enrolments] ([LearnerId], [CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    CREATE INDEX [IX_LearningEvents_Kind_OccurredAt] ON [LearningEvents] ([Kind], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124171342_LearningRecords'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124171342_LearningRecords', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE TABLE [Enterprises] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [RegionCode] nchar(6) NULL,
        CONSTRAINT [PK_Enterprises] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE TABLE [Regions] (
        [Code] nchar(6) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_Regions] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE TABLE [LearnerProfiles] (
        [UserId] uniqueidentifier NOT NULL,
        [RealName] nvarchar(30) NOT NULL,
        [IdNumberProtected] nvarchar(512) NOT NULL,
        [IdNumberHash] nchar(64) NOT NULL,
        [IdNumberMasked] nvarchar(18) NOT NULL,
        [EnterpriseId] int NOT NULL,
        [RegionCode] nchar(6) NOT NULL,
        [UnionMember] bit NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LearnerProfiles] PRIMARY KEY ([UserId]),
        CONSTRAINT [FK_LearnerProfiles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_LearnerProfiles_Enterprises_EnterpriseId] FOREIGN KEY ([EnterpriseId]) REFERENCES [Enterprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LearnerProfiles_Regions_RegionCode] FOREIGN KEY ([RegionCode]) REFERENCES [Regions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Enterprises_Name] ON [Enterprises] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE INDEX [IX_LearnerProfiles_EnterpriseId] ON [LearnerProfiles] ([EnterpriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LearnerProfiles_IdNumberHash] ON [LearnerProfiles] ([IdNumberHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    CREATE INDEX [IX_LearnerProfiles_RegionCode_EnterpriseId] ON [LearnerProfiles] ([RegionCode], [EnterpriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124172207_RealNameProfile'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124172207_RealNameProfile', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124173119_StudyTime'
)
BEGIN
    CREATE TABLE [LessonProgress] (
        [LearnerId] uniqueidentifier NOT NULL,
        [LessonKey] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [LastReportAt] datetimeoffset NULL,
        [CreditedMilliseconds] bigint NOT NULL,
        [SegmentCount] int NOT NULL,
        [OpenSegmentMilliseconds] bigint NOT NULL,
        [FurthestPositionSeconds] int NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        [Revision] int NOT NULL,
        CONSTRAINT [PK_LessonProgress] PRIMARY KEY ([LearnerId], [LessonKey]),
        CONSTRAINT [FK_LessonProgress_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LessonProgress_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124173119_StudyTime'
)
BEGIN
    CREATE TABLE [StudySessions] (
        [LearnerId] uniqueidentifier NOT NULL,
        [SessionId] uniqueidentifier NOT NULL,
        [LessonKey] uniqueidentifier NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_StudySessions] PRIMARY KEY ([LearnerId]),
        CONSTRAINT [FK_StudySessions_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124173119_StudyTime'
)
BEGIN
    CREATE INDEX [IX_LessonProgress_CourseId] ON [LessonProgress] ([CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124173119_StudyTime'
)
BEGIN
    CREATE INDEX [IX_LessonProgress_LearnerId_CourseId] ON [LessonProgress] ([LearnerId], [CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124173119_StudyTime'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124173119_StudyTime', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124192719_StudySessionCredit'
)
BEGIN
    ALTER TABLE [StudySessions] ADD [CreditedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124192719_StudySessionCredit'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124192719_StudySessionCredit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124194358_LearningRecordAudit'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorId] uniqueidentifier NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [Subject] nvarchar(64) NOT NULL,
        [Detail] nvarchar(500) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124194358_LearningRecordAudit'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ActorId_At] ON [AuditEntries] ([ActorId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124194358_LearningRecordAudit'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Subject_At] ON [AuditEntries] ([Subject], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124194358_LearningRecordAudit'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124194358_LearningRecordAudit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [FinalExam_AttemptsAllowed] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [FinalExam_PassPercent] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [FinalExam_QuestionCount] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [FinalExam_Review] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [FinalExam_TimeLimitMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseModule] ADD [Quiz_AttemptsAllowed] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseModule] ADD [Quiz_PassPercent] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseModule] ADD [Quiz_QuestionCount] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseModule] ADD [Quiz_Review] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    ALTER TABLE [CourseModule] ADD [Quiz_TimeLimitMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE TABLE [QuizAttempts] (
        [Id] uniqueidentifier NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [CourseVersionId] int NOT NULL,
        [QuizKey] nvarchar(40) NOT NULL,
        [Number] int NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [DeadlineAt] datetimeoffset NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [Status] int NOT NULL,
        [CorrectCount] int NULL,
        [ScorePercent] int NULL,
        [Passed] bit NULL,
        CONSTRAINT [PK_QuizAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QuizAttempts_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_QuizAttempts_CourseVersions_CourseVersionId] FOREIGN KEY ([CourseVersionId]) REFERENCES [CourseVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_QuizAttempts_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE TABLE [AttemptItems] (
        [AttemptId] uniqueidentifier NOT NULL,
        [Position] int NOT NULL,
        [QuestionKey] uniqueidentifier NOT NULL,
        [QuestionId] int NOT NULL,
        [OptionOrder] nvarchar(40) NOT NULL,
        [Chosen] nvarchar(40) NULL,
        [Correct] bit NULL,
        CONSTRAINT [PK_AttemptItems] PRIMARY KEY ([AttemptId], [Position]),
        CONSTRAINT [FK_AttemptItems_Question_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [Question] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AttemptItems_QuizAttempts_AttemptId] FOREIGN KEY ([AttemptId]) REFERENCES [QuizAttempts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE INDEX [IX_AttemptItems_QuestionId] ON [AttemptItems] ([QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE INDEX [IX_AttemptItems_QuestionKey] ON [AttemptItems] ([QuestionKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE INDEX [IX_QuizAttempts_CourseId_QuizKey_Status] ON [QuizAttempts] ([CourseId], [QuizKey], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE INDEX [IX_QuizAttempts_CourseVersionId] ON [QuizAttempts] ([CourseVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QuizAttempts_LearnerId_CourseId_QuizKey_Number] ON [QuizAttempts] ([LearnerId], [CourseId], [QuizKey], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_QuizAttempts_OneOpen] ON [QuizAttempts] ([LearnerId], [CourseId], [QuizKey]) WHERE [Status] = 1');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    CREATE INDEX [IX_QuizAttempts_Status_DeadlineAt] ON [QuizAttempts] ([Status], [DeadlineAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124195632_Assessment'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124195632_Assessment', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE TABLE [Certificates] (
        [Id] int NOT NULL IDENTITY,
        [Serial] nvarchar(30) NOT NULL,
        [Issuer] nvarchar(10) NOT NULL,
        [Year] int NOT NULL,
        [Sequence] int NOT NULL,
        [VerificationCode] nchar(10) NOT NULL,
        [EnrolmentId] int NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [LearnerName] nvarchar(200) NOT NULL,
        [IdNumberMasked] nvarchar(20) NOT NULL,
        [CourseTitle] nvarchar(200) NOT NULL,
        [OccupationName] nvarchar(200) NOT NULL,
        [OccupationCode] nvarchar(20) NOT NULL,
        [SkillLevel] int NOT NULL,
        [CreditHours] decimal(9,2) NOT NULL,
        [CompletedAt] datetimeoffset NOT NULL,
        [IssuedAt] datetimeoffset NOT NULL,
        [RevokedAt] datetimeoffset NULL,
        [RevocationReason] nvarchar(500) NULL,
        CONSTRAINT [PK_Certificates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Certificates_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_Enrolments_EnrolmentId] FOREIGN KEY ([EnrolmentId]) REFERENCES [Enrolments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE INDEX [IX_Certificates_CourseId_IssuedAt] ON [Certificates] ([CourseId], [IssuedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_EnrolmentId] ON [Certificates] ([EnrolmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_Issuer_Year_Sequence] ON [Certificates] ([Issuer], [Year], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE INDEX [IX_Certificates_LearnerId] ON [Certificates] ([LearnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_Serial] ON [Certificates] ([Serial]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205430_Certificates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124205430_Certificates', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    ALTER TABLE [CourseVersions] ADD [VoucherRequired] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    ALTER TABLE [Courses] ADD [VoucherRequired] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE TABLE [VoucherBatches] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [FundingSource] nvarchar(100) NOT NULL,
        [FaceValue] decimal(18,2) NOT NULL,
        [Quantity] int NOT NULL,
        [GeneratedCount] int NOT NULL,
        [EligibleCourseIds] nvarchar(max) NOT NULL,
        [EligibleOccupationIds] nvarchar(max) NOT NULL,
        [EligibleLevels] nvarchar(max) NOT NULL,
        [EligibleRegionPrefixes] nvarchar(max) NOT NULL,
        [UnionMembersOnly] bit NOT NULL,
        [ValidFrom] date NOT NULL,
        [ValidUntil] date NOT NULL,
        [ClaimCode] nvarchar(8) NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_VoucherBatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VoucherBatches_AspNetUsers_CreatedBy] FOREIGN KEY ([CreatedBy]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE TABLE [Vouchers] (
        [Id] int NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [Code] nchar(12) NOT NULL,
        [Status] int NOT NULL,
        [LearnerId] uniqueidentifier NULL,
        [AssignedAt] datetimeoffset NULL,
        [LastRefusal] int NOT NULL,
        [EnrolmentId] int NULL,
        [RedeemedAt] datetimeoffset NULL,
        CONSTRAINT [PK_Vouchers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Vouchers_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Vouchers_Enrolments_EnrolmentId] FOREIGN KEY ([EnrolmentId]) REFERENCES [Enrolments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Vouchers_VoucherBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [VoucherBatches] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE TABLE [RedemptionRequests] (
        [Id] bigint NOT NULL IDENTITY,
        [IdempotencyKey] uniqueidentifier NOT NULL,
        [VoucherId] int NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [Status] int NOT NULL,
        [Refusal] int NOT NULL,
        [RequestedAt] datetimeoffset NOT NULL,
        [DecidedAt] datetimeoffset NULL,
        CONSTRAINT [PK_RedemptionRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RedemptionRequests_AspNetUsers_LearnerId] FOREIGN KEY ([LearnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RedemptionRequests_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RedemptionRequests_Vouchers_VoucherId] FOREIGN KEY ([VoucherId]) REFERENCES [Vouchers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE TABLE [SettlementEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [VoucherId] int NOT NULL,
        [CourseId] int NOT NULL,
        [ProviderId] uniqueidentifier NULL,
        [ProviderName] nvarchar(100) NOT NULL,
        [Amount] decimal(18,2) NOT NULL,
        [Month] nchar(7) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_SettlementEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SettlementEntries_Courses_CourseId] FOREIGN KEY ([CourseId]) REFERENCES [Courses] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SettlementEntries_VoucherBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [VoucherBatches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SettlementEntries_Vouchers_VoucherId] FOREIGN KEY ([VoucherId]) REFERENCES [Vouchers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE TABLE [VoucherAuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [VoucherId] int NOT NULL,
        [From] int NOT NULL,
        [To] int NOT NULL,
        [ActorId] uniqueidentifier NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_VoucherAuditEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VoucherAuditEntries_AspNetUsers_ActorId] FOREIGN KEY ([ActorId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_VoucherAuditEntries_Vouchers_VoucherId] FOREIGN KEY ([VoucherId]) REFERENCES [Vouchers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_RedemptionRequests_CourseId] ON [RedemptionRequests] ([CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RedemptionRequests_IdempotencyKey] ON [RedemptionRequests] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_RedemptionRequests_LearnerId] ON [RedemptionRequests] ([LearnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_RedemptionRequests_OnePending] ON [RedemptionRequests] ([VoucherId]) WHERE [Status] = 1');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_RedemptionRequests_Status_Id] ON [RedemptionRequests] ([Status], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_SettlementEntries_BatchId] ON [SettlementEntries] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_SettlementEntries_CourseId] ON [SettlementEntries] ([CourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_SettlementEntries_Month_ProviderId] ON [SettlementEntries] ([Month], [ProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SettlementEntries_VoucherId] ON [SettlementEntries] ([VoucherId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_VoucherAuditEntries_ActorId] ON [VoucherAuditEntries] ([ActorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_VoucherAuditEntries_VoucherId] ON [VoucherAuditEntries] ([VoucherId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_VoucherBatches_ClaimCode] ON [VoucherBatches] ([ClaimCode]) WHERE [ClaimCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_VoucherBatches_CreatedBy] ON [VoucherBatches] ([CreatedBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_VoucherBatches_ValidUntil] ON [VoucherBatches] ([ValidUntil]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Vouchers_BatchId_LearnerId] ON [Vouchers] ([BatchId], [LearnerId]) WHERE [LearnerId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_Vouchers_BatchId_Status] ON [Vouchers] ([BatchId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Vouchers_Code] ON [Vouchers] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Vouchers_EnrolmentId] ON [Vouchers] ([EnrolmentId]) WHERE [EnrolmentId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    CREATE INDEX [IX_Vouchers_LearnerId_Status] ON [Vouchers] ([LearnerId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205923_Vouchers'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124205923_Vouchers', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124213613_CertificateExports'
)
BEGIN
    CREATE TABLE [CertificateExports] (
        [Id] uniqueidentifier NOT NULL,
        [RequestedBy] uniqueidentifier NOT NULL,
        [CourseId] int NULL,
        [From] date NULL,
        [To] date NULL,
        [BaseUrl] nvarchar(200) NOT NULL,
        [Status] int NOT NULL,
        [Total] int NOT NULL,
        [Done] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CertificateExports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124213613_CertificateExports'
)
BEGIN
    CREATE INDEX [IX_CertificateExports_RequestedBy_CreatedAt] ON [CertificateExports] ([RequestedBy], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124213613_CertificateExports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124213613_CertificateExports', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE TABLE [StatDailyFacts] (
        [Day] date NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [EnterpriseId] int NOT NULL,
        [CourseId] int NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [CreditedSeconds] bigint NOT NULL,
        [PersonTimes] int NOT NULL,
        [NewEnrolments] int NOT NULL,
        [Completions] int NOT NULL,
        [Certificates] int NOT NULL,
        [QuizAttempts] int NOT NULL,
        [QuizPasses] int NOT NULL,
        [VouchersRedeemed] int NOT NULL,
        [VoucherAmountFen] bigint NOT NULL,
        CONSTRAINT [PK_StatDailyFacts] PRIMARY KEY ([Day], [RegionCode], [EnterpriseId], [CourseId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE TABLE [StatExports] (
        [Id] uniqueidentifier NOT NULL,
        [RequestedBy] uniqueidentifier NOT NULL,
        [Layout] int NOT NULL,
        [Format] int NOT NULL,
        [FilterJson] nvarchar(1000) NOT NULL,
        [Status] int NOT NULL,
        [Total] int NOT NULL,
        [Done] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        CONSTRAINT [PK_StatExports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE TABLE [StatLearnerMonths] (
        [Month] date NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [EnterpriseId] int NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [ActiveDays] int NOT NULL,
        CONSTRAINT [PK_StatLearnerMonths] PRIMARY KEY ([Month], [LearnerId], [CourseId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE TABLE [StatRollupRuns] (
        [Id] int NOT NULL IDENTITY,
        [Trigger] int NOT NULL,
        [From] date NOT NULL,
        [To] date NOT NULL,
        [RequestedBy] nvarchar(256) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [StartedAt] datetimeoffset NULL,
        [FinishedAt] datetimeoffset NULL,
        [DaysTotal] int NOT NULL,
        [DaysDone] int NOT NULL,
        [Status] int NOT NULL,
        [Error] nvarchar(2000) NULL,
        CONSTRAINT [PK_StatRollupRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_Vouchers_RedeemedAt] ON [Vouchers] ([RedeemedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_QuizAttempts_ClosedAt] ON [QuizAttempts] ([ClosedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_Enrolments_CompletedAt] ON [Enrolments] ([CompletedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_Enrolments_EnrolledAt] ON [Enrolments] ([EnrolledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_Certificates_IssuedAt] ON [Certificates] ([IssuedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_StatExports_RequestedBy_CreatedAt] ON [StatExports] ([RequestedBy], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_StatRollupRuns_Status] ON [StatRollupRuns] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    CREATE INDEX [IX_StatRollupRuns_Trigger_CreatedAt] ON [StatRollupRuns] ([Trigger], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124222950_StatisticsRollups'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124222950_StatisticsRollups', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125025836_StatisticsMonthlyCube'
)
BEGIN
    CREATE TABLE [StatLearnerYears] (
        [Year] date NOT NULL,
        [LearnerId] uniqueidentifier NOT NULL,
        [CourseId] int NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [EnterpriseId] int NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [ActiveMonths] int NOT NULL,
        CONSTRAINT [PK_StatLearnerYears] PRIMARY KEY ([Year], [LearnerId], [CourseId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125025836_StatisticsMonthlyCube'
)
BEGIN
    CREATE TABLE [StatMonthlyFacts] (
        [Month] date NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [EnterpriseId] int NOT NULL,
        [CourseId] int NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [CreditedSeconds] bigint NOT NULL,
        [ActivePairDays] int NOT NULL,
        [NewEnrolments] int NOT NULL,
        [Completions] int NOT NULL,
        [Certificates] int NOT NULL,
        [QuizAttempts] int NOT NULL,
        [QuizPasses] int NOT NULL,
        [VouchersRedeemed] int NOT NULL,
        [VoucherAmountFen] bigint NOT NULL,
        CONSTRAINT [PK_StatMonthlyFacts] PRIMARY KEY ([Month], [RegionCode], [EnterpriseId], [CourseId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125025836_StatisticsMonthlyCube'
)
BEGIN
    INSERT INTO StatMonthlyFacts (Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays,
        NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
    SELECT DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, EnterpriseId, CourseId, MAX(OccupationId), MAX(SkillLevel), SUM(CreditedSeconds), SUM(PersonTimes),
        SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
    FROM StatDailyFacts
    GROUP BY DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, EnterpriseId, CourseId;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125025836_StatisticsMonthlyCube'
)
BEGIN
    INSERT INTO StatLearnerYears (Year, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, ActiveMonths)
    SELECT DATEFROMPARTS(YEAR(Month), 1, 1), LearnerId, CourseId, MAX(RegionCode), MAX(EnterpriseId), MAX(OccupationId), MAX(SkillLevel), SUM(DISTINCT POWER(2, MONTH(Month) - 1))
    FROM StatLearnerMonths
    GROUP BY DATEFROMPARTS(YEAR(Month), 1, 1), LearnerId, CourseId;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125025836_StatisticsMonthlyCube'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125025836_StatisticsMonthlyCube', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    CREATE TABLE [StatDailyCells] (
        [Day] date NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [CreditedSeconds] bigint NOT NULL,
        [PersonTimes] int NOT NULL,
        [NewEnrolments] int NOT NULL,
        [Completions] int NOT NULL,
        [Certificates] int NOT NULL,
        [QuizAttempts] int NOT NULL,
        [QuizPasses] int NOT NULL,
        [VouchersRedeemed] int NOT NULL,
        [VoucherAmountFen] bigint NOT NULL,
        CONSTRAINT [PK_StatDailyCells] PRIMARY KEY ([Day], [RegionCode], [OccupationId], [SkillLevel])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    CREATE TABLE [StatMonthlyCells] (
        [Month] date NOT NULL,
        [RegionCode] varchar(6) NOT NULL,
        [OccupationId] int NOT NULL,
        [SkillLevel] int NOT NULL,
        [CreditedSeconds] bigint NOT NULL,
        [ActivePairDays] int NOT NULL,
        [NewEnrolments] int NOT NULL,
        [Completions] int NOT NULL,
        [Certificates] int NOT NULL,
        [QuizAttempts] int NOT NULL,
        [QuizPasses] int NOT NULL,
        [VouchersRedeemed] int NOT NULL,
        [VoucherAmountFen] bigint NOT NULL,
        CONSTRAINT [PK_StatMonthlyCells] PRIMARY KEY ([Month], [RegionCode], [OccupationId], [SkillLevel])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    CREATE TABLE [StatRollupStamps] (
        [Id] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_StatRollupStamps] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Version') AND [object_id] = OBJECT_ID(N'[StatRollupStamps]'))
        SET IDENTITY_INSERT [StatRollupStamps] ON;
    EXEC(N'INSERT INTO [StatRollupStamps] ([Id], [Version])
    VALUES (1, CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Version') AND [object_id] = OBJECT_ID(N'[StatRollupStamps]'))
        SET IDENTITY_INSERT [StatRollupStamps] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    INSERT INTO StatDailyCells (Day, RegionCode, OccupationId, SkillLevel, CreditedSeconds, PersonTimes, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
    SELECT Day, RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
    FROM StatDailyFacts
    GROUP BY Day, RegionCode, OccupationId, SkillLevel;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    INSERT INTO StatMonthlyCells (Month, RegionCode, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
    SELECT DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
    FROM StatDailyCells
    GROUP BY DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, OccupationId, SkillLevel;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125045307_StatisticsCells'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125045307_StatisticsCells', N'10.0.15');
END;

COMMIT;
GO

