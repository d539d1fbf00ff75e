package io.chipcast.devstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints the bearer tokens of SPEC section 5 for the local stack and the tests: RS256 JWTs from
 * one issuer, with the role in {@code groups} and a viewer's customers in {@code customers}. The
 * services verify them against the public key ({@code mp.jwt.verify.publickey*}).
 */
public final class TokenIssuer {

    /** The issuer every chipcast service of a local stack or test trusts. */
    public static final String LOCAL_ISSUER = "https://chipcast.local";

    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";

    private final KeyPair keys;
    private final String issuer;

    public TokenIssuer(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public static TokenIssuer withNewKeys(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair(), issuer);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JVM", e);
        }
    }

    /** The key pair kept in {@code directory} (private.pem, public.pem), created on first use. */
    public static TokenIssuer fromDirectory(Path directory, String issuer) {
        Path privateKey = directory.resolve("private.pem");
        Path publicKey = directory.resolve("public.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                TokenIssuer created = withNewKeys(issuer);
                Files.createDirectories(directory);
                Files.writeString(privateKey, pem(PRIVATE_PEM, created.keys.getPrivate().getEncoded()));
                Files.writeString(publicKey, created.publicKeyPem());
                return created;
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKeyValue = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateKey))));
            PublicKey publicKeyValue = rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicKey))));
            return new TokenIssuer(new KeyPair(publicKeyValue, privateKeyValue), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token keys in " + directory, e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the token keys in " + directory + " are not RSA keys", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String publicKeyPem() {
        return pem(PUBLIC_PEM, keys.getPublic().getEncoded());
    }

    public String mint(String role, Collection<String> customers, Duration validity) {
        return sign(claims(role, customers, validity), keys.getPrivate());
    }

    /** A token this issuer's services must refuse: signed with a key they do not trust. */
    public String mintWithForeignKey(String role) {
        return sign(claims(role, List.of(), Duration.ofMinutes(5)), withNewKeys(issuer).keys.getPrivate());
    }

    /** A token that expired a minute ago. */
    public String mintExpired(String role) {
        JwtClaims claims = claims(role, List.of(), Duration.ofMinutes(5));
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(now - 60));
        return sign(claims, keys.getPrivate());
    }

    private JwtClaims claims(String role, Collection<String> customers, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("chipcast-" + role);
        claims.setClaim("upn", "chipcast-" + role);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validity.toSeconds() / 60f);
        claims.setStringListClaim("groups", List.of(role));
        if (!customers.isEmpty()) {
            claims.setStringListClaim("customers", List.copyOf(customers));
        }
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
