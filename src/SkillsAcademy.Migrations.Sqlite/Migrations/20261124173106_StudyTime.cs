using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StudyTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LessonProgress",
                columns: table => new
                {
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReportAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreditedMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    SegmentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenSegmentMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    FurthestPositionSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonProgress", x => new { x.LearnerId, x.LessonKey });
                    table.ForeignKey(
                        name: "FK_LessonProgress_AspNetUsers_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LessonProgress_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudySessions",
                columns: table => new
                {
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudySessions", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_StudySessions_AspNetUsers_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId",
                table: "LessonProgress",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_LearnerId_CourseId",
                table: "LessonProgress",
                columns: new[] { "LearnerId", "CourseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonProgress");

            migrationBuilder.DropTable(
                name: "StudySessions");
        }
    }
}
