using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_Year",
                table: "QualityReportTemplates");

            migrationBuilder.AddColumn<string>(
                name: "ReviewType",
                table: "QualityReportTemplates",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChecklistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FollowsUpReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedByRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VisitMode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VisitAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VisitPlace = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CommunicatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponseDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DisputedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IndependentReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IndependentReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DisputeConclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DisputeConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true, defaultValue: ""),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_ChoiceSystems_ChoiceSystemId",
                        column: x => x.ChoiceSystemId,
                        principalTable: "ChoiceSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_QualityReportTemplates_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "QualityReportTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Reviews_FollowsUpReviewId",
                        column: x => x.FollowsUpReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterviewNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewNotes_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Observation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConditionVersionIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_TemplateQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "TemplateQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewParticipants_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewResponses_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSteps_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewUnits",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewUnits", x => new { x.ReviewId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ReviewUnits_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_ReviewType_Year",
                table: "QualityReportTemplates",
                columns: new[] { "ChoiceSystemId", "ReviewType", "Year" },
                unique: true,
                filter: "\"ReviewType\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_Year",
                table: "QualityReportTemplates",
                columns: new[] { "ChoiceSystemId", "Year" },
                unique: true,
                filter: "\"ReviewType\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewNotes_ReviewId",
                table: "InterviewNotes",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_QuestionId",
                table: "ReviewFindings",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_ReviewId_UnitId_QuestionId",
                table: "ReviewFindings",
                columns: new[] { "ReviewId", "UnitId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_UnitId_Assessment",
                table: "ReviewFindings",
                columns: new[] { "UnitId", "Assessment" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewParticipants_ReviewId",
                table: "ReviewParticipants",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewResponses_ReviewId",
                table: "ReviewResponses",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChecklistId",
                table: "Reviews",
                column: "ChecklistId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChoiceSystemId",
                table: "Reviews",
                column: "ChoiceSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_FollowsUpReviewId",
                table: "Reviews",
                column: "FollowsUpReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PlannedFor",
                table: "Reviews",
                column: "PlannedFor");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ProviderId_State",
                table: "Reviews",
                columns: new[] { "ProviderId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SearchText",
                table: "Reviews",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_State_PlannedFor",
                table: "Reviews",
                columns: new[] { "State", "PlannedFor" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSteps_ReviewId_OccurredAt",
                table: "ReviewSteps",
                columns: new[] { "ReviewId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewUnits_UnitId",
                table: "ReviewUnits",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterviewNotes");

            migrationBuilder.DropTable(
                name: "ReviewFindings");

            migrationBuilder.DropTable(
                name: "ReviewParticipants");

            migrationBuilder.DropTable(
                name: "ReviewResponses");

            migrationBuilder.DropTable(
                name: "ReviewSteps");

            migrationBuilder.DropTable(
                name: "ReviewUnits");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_ReviewType_Year",
                table: "QualityReportTemplates");

            migrationBuilder.DropIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_Year",
                table: "QualityReportTemplates");

            migrationBuilder.DropColumn(
                name: "ReviewType",
                table: "QualityReportTemplates");

            migrationBuilder.CreateIndex(
                name: "IX_QualityReportTemplates_ChoiceSystemId_Year",
                table: "QualityReportTemplates",
                columns: new[] { "ChoiceSystemId", "Year" },
                unique: true);
        }
    }
}
