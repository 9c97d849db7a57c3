package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Two of the console's browser scenarios in headless Chromium: the street office's admin creates a
 * community (its office facts, its group chat) and a moderator for it (a console account working
 * for that community, and the worker's chat identity granted the community's chat); that moderator
 * then works in their community and is refused another community's register and tickets. The
 * screenshots go to {@code docs/console/} (communities, community).
 */
class CommunityBrowserTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery"));

  @Test
  void an_admin_creates_a_community_and_its_moderator_who_is_refused_another_community_s_register_and_tickets()
      throws Exception {
    HeadlessChromium.assumeInstalled();
    // Another community of the street, made over REST beforehand.
    assertThat(service.post("/api/v1/communities", "{\"id\":\"yuehu\",\"name\":\"月湖社区\"}", RunningService.ADMIN)
        .statusCode()).isEqualTo(201);
    ChromeDriver browser = HeadlessChromium.start();
    String base = "http://127.0.0.1:" + service.verticle.port();
    try {
      browser.manage().window().setSize(new Dimension(900, 1000));
      login(browser, base, "jiedao", "correct-horse-battery");

      browser.findElement(By.linkText("社区")).click();
      HeadlessChromium.arrive(browser, base + "/console/communities");
      WebElement create = browser.findElement(By.id("create-community"));
      create.findElement(By.name("id")).sendKeys("xinghe");
      create.findElement(By.name("name")).sendKeys("星河社区");
      create.findElement(By.name("address")).sendKeys("星河路 18 号星河社区居委会一楼");
      create.findElement(By.name("phone")).sendKeys("021-5555 0101");
      create.findElement(By.name("hours")).sendKeys("周一至周五 8:30-17:00");
      HeadlessChromium.submit(browser, create.findElement(By.cssSelector("button[type=submit]")));

      HeadlessChromium.arrive(browser, base + "/console/communities/xinghe");
      WebElement chat = browser.findElement(By.id("add-chat"));
      chat.findElement(By.name("platform")).sendKeys("generic");
      chat.findElement(By.name("chat")).sendKeys("xinghe-group");
      HeadlessChromium.submit(browser, chat.findElement(By.cssSelector("button[type=submit]")));
      HeadlessChromium.arrive(browser, base + "/console/communities/xinghe");
      assertThat(browser.findElement(By.id("chats")).getText()).contains("generic:xinghe-group");

      browser.findElement(By.linkText("账号")).click();
      HeadlessChromium.arrive(browser, base + "/console/accounts");
      WebElement account = browser.findElement(By.id("create-account"));
      account.findElement(By.name("username")).sendKeys("li.xh");
      account.findElement(By.name("password")).sendKeys("community-worker-1");
      new Select(account.findElement(By.name("role"))).selectByValue("moderator");
      account.findElement(By.id("community-xinghe")).click();
      HeadlessChromium.submit(browser, account.findElement(By.cssSelector("button[type=submit]")));
      HeadlessChromium.arrive(browser, base + "/console/accounts");
      assertThat(browser.findElement(By.id("accounts")).getText()).contains("li.xh", "社区工作人员");

      browser.get(base + "/console/communities/xinghe");
      WebElement grant = browser.findElement(By.id("grant-moderator"));
      new Select(grant.findElement(By.name("chat"))).selectByValue("generic:xinghe-group");
      grant.findElement(By.name("user")).sendKeys("li-wechat");
      HeadlessChromium.submit(browser, grant.findElement(By.cssSelector("button[type=submit]")));
      HeadlessChromium.arrive(browser, base + "/console/communities/xinghe");
      String moderators = browser.findElement(By.id("moderators")).getText();
      assertThat(moderators).contains("li.xh", "generic:xinghe-group:li-wechat");
      HeadlessChromium.shot(browser, "community.png");
      browser.findElement(By.linkText("社区")).click();
      HeadlessChromium.arrive(browser, base + "/console/communities");
      assertThat(browser.findElement(By.id("communities")).getText()).contains("星河社区", "月湖社区", "xinghe");
      HeadlessChromium.shot(browser, "communities.png");

      browser.findElement(By.cssSelector("form[action='/console/logout'] button")).click();
      HeadlessChromium.arrive(browser, base + "/console/login");
      login(browser, base, "li.xh", "community-worker-1");

      browser.get(base + "/console/households");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("星河社区");
      browser.get(base + "/console/households?c=yuehu");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("你的账号不负责这个社区");
      browser.get(base + "/console/tickets");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("星河社区");
      browser.get(base + "/console/tickets?c=yuehu");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("你的账号不负责这个社区");
      browser.get(base + "/console/communities/yuehu");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("你的账号不负责这个社区");
    } finally {
      browser.quit();
    }
  }

  private static void login(ChromeDriver browser, String base, String name, String password) {
    browser.get(base + "/console/login");
    browser.findElement(By.name("username")).sendKeys(name);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();
    HeadlessChromium.arrive(browser, base + "/console/");
  }
}
