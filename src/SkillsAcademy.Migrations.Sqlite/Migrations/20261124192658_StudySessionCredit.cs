using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StudySessionCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CreditedUntil",
                table: "StudySessions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditedUntil",
                table: "StudySessions");
        }
    }
}
