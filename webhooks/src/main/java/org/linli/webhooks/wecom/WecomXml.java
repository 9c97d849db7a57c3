package org.linli.webhooks.wecom;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML of WeCom callbacks. The unauthenticated envelope is never given to an XML parser: its
 * one {@code <Encrypt>} value (Base64) is picked out by a strict pattern, so that the signature is
 * checked before anything is parsed. Only decrypted, verified messages reach the parser, and that
 * one refuses DTDs and external entities (XXE).
 *
 * <p>Public for the whole WeChat family: a WeChat Official Account posts the same envelope and
 * message fields.
 */
public final class WecomXml {

  private static final Pattern ENCRYPT = Pattern.compile(
      "<Encrypt>\\s*(?:<!\\[CDATA\\[([A-Za-z0-9+/=]*)]]>|([A-Za-z0-9+/=]*))\\s*</Encrypt>");

  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(WecomXml::builder);

  private WecomXml() {
  }

  /** The Base64 ciphertext of an envelope, or null unless it holds exactly one {@code <Encrypt>}. */
  public static String encrypted(String envelope) {
    if (envelope == null) {
      return null;
    }
    Matcher m = ENCRYPT.matcher(envelope);
    if (!m.find()) {
      return null;
    }
    String value = m.group(1) != null ? m.group(1) : m.group(2);
    if (value.isEmpty() || envelope.indexOf("<Encrypt") != envelope.lastIndexOf("<Encrypt")) {
      return null;
    }
    return value;
  }

  /**
   * The text of each child element of a decrypted message's root ({@code ToUserName}, {@code
   * MsgType}, {@code Content} ...); fails with {@link Malformed} for anything that is not plain XML.
   */
  public static Map<String, String> fields(String xml) {
    Element root;
    try {
      DocumentBuilder builder = BUILDER.get();
      builder.reset();
      builder.setErrorHandler(SILENT);
      root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new Malformed();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        fields.putIfAbsent(n.getNodeName(), n.getTextContent());
      }
    }
    return fields;
  }

  /** A text message to one user, as the inner XML of a passive reply. */
  public static String textMessage(String toUser, String fromCorp, long createTime, String content) {
    return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromCorp)
        + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
        + cdata(content) + "</Content></xml>";
  }

  /** The envelope of a passive reply: ciphertext, its signature, the timestamp and nonce signed. */
  public static String envelope(String encrypted, String signature, String timestamp, String nonce) {
    return "<xml><Encrypt>" + cdata(encrypted) + "</Encrypt><MsgSignature>" + cdata(signature)
        + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
  }

  /** A CDATA section; a {@code ]]>} inside is split across two sections. */
  public static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this JVM's XML parser cannot be made safe against XXE", e);
    }
  }

  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  /** A decrypted message that is not well-formed XML, or declares a DTD. */
  public static final class Malformed extends RuntimeException {
    Malformed() {
      super("the decrypted message is not plain XML", null, false, false);
    }
  }
}
