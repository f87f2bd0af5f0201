package io.cairn.governance.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flows text onto A4 pages with PDFBox: headings and wrapped paragraphs, a new page when one is full, page
 * numbers in the footer. Characters the standard fonts cannot show become {@code ?}. Not thread-safe.
 */
final class PdfText implements AutoCloseable {
  private static final float MARGIN = 50;
  private static final PDRectangle SIZE = PDRectangle.A4;
  private final PDDocument doc;
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
  private PDPageContentStream page;
  private float y;
  private int pages;

  PdfText(PDDocument doc) {
    this.doc = doc;
  }

  void title(String text) throws IOException {
    write(bold, 18, text, 8);
  }

  void heading(String text) throws IOException {
    space(10);
    write(bold, 13, text, 4);
  }

  void paragraph(String text) throws IOException {
    write(regular, 10, text, 2);
  }

  void code(String text) throws IOException {
    write(mono, 8, text, 1);
  }

  void space(float points) {
    y -= points;
  }

  private void write(PDType1Font font, float size, String text, float after) throws IOException {
    float leading = size * 1.3f;
    for (String line : wrap(font, size, clean(text))) {
      if (page == null || y - leading < MARGIN + 20) {
        newPage();
      }
      y -= leading;
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(MARGIN, y);
      page.showText(line);
      page.endText();
    }
    y -= after;
  }

  private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
    float width = SIZE.getWidth() - 2 * MARGIN;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (font.getStringWidth(candidate) / 1000 * size <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (font.getStringWidth(rest) / 1000 * size > width) {
        int n = Math.max(1, (int) (rest.length() * width / (font.getStringWidth(rest) / 1000 * size)) - 1);
        lines.add(rest.substring(0, n));
        rest = rest.substring(n);
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  static String clean(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7F || c >= 0xA0 && c <= 0xFF ? (char) c
        : Character.isWhitespace(c) ? ' ' : '?'));
    return sb.toString();
  }

  private void newPage() throws IOException {
    closePage();
    PDPage p = new PDPage(SIZE);
    doc.addPage(p);
    page = new PDPageContentStream(doc, p);
    pages++;
    page.beginText();
    page.setFont(regular, 8);
    page.newLineAtOffset(MARGIN, MARGIN - 20);
    page.showText("Cairn audit evidence - page " + pages);
    page.endText();
    y = SIZE.getHeight() - MARGIN;
  }

  private void closePage() throws IOException {
    if (page != null) {
      page.close();
      page = null;
    }
  }

  @Override
  public void close() throws IOException {
    closePage();
  }
}
