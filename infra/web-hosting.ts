/**
 * The web app in AWS: its production build in a private S3 bucket that only CloudFront may read
 * (origin access control), and `/graphql` and `/health` routed by the same distribution to the
 * HTTP API — one origin, as under npm start, so the app needs no CORS and its CSP says 'self'.
 * Every answer carries the security headers npm start sets (web/security-headers.ts).
 */
import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS, PERMISSIONS_POLICY } from '../web/security-headers.ts';
import { buildWeb } from './bundling.ts';

export interface WebHostingProps {
  api: HttpApi;
  prod: boolean;
  /** The app's own domain and its certificate (in us-east-1), if the deployer has them. */
  domain?: { name: string; certificateArn: string };
}

/**
 * Paths without a dot are the app's own routes (/members/…, /meeting/…: ids are UUIDs): the
 * viewer gets index.html and the app's router takes over. Files keep their path.
 */
const APP_ROUTES = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class WebHosting extends Construct {
  readonly distribution: Distribution;
  /** https://<distribution domain> — where people open the app, and Cognito sends them back to. */
  readonly url: string;
  readonly site: Bucket;
  readonly logs: Bucket;
  /** The deployments that write the build (cdk-nag's findings on their function are acknowledged). */
  deployments: BucketDeployment[] = [];

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    // Kept when the stack goes, in every stage: they hold the access logs, and emptying a bucket
    // on deletion would need one more Lambda with broad S3 rights.
    this.logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(props.prod ? 365 : 30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Krom: the CSP and security headers npm start sets (web/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'permissions-policy', value: PERMISSIONS_POLICY, override: true }],
      },
    });

    // The API's own host name, from its endpoint (https://<id>.execute-api.<region>.amazonaws.com).
    const apiHost = Fn.select(1, Fn.split('://', props.api.apiEndpoint));
    const toApi: BehaviorOptions = {
      origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Nothing of the API is cached; every viewer header but Host (the Authorization token
      // included) reaches it.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Krom web app and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          {
            function: new EdgeFunction(this, 'AppRoutes', {
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(APP_ROUTES),
              comment: 'Krom: app routes answer with index.html',
            }),
            eventType: FunctionEventType.VIEWER_REQUEST,
          },
        ],
      },
      additionalBehaviors: { '/graphql': toApi, '/health': toApi },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in Asia included (Cambodia's phones), the most expensive regions left out.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cdn/',
    });
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
  }

  /**
   * Puts the build in the bucket: hashed files first, cached for a year and never deleted (a phone
   * with an older app still finds its files), then the page, the service worker and `config.json`
   * (what the app needs to know of this deployment), never cached, and the distribution's cache
   * cleared of them.
   */
  deploy(config: Record<string, string>): void {
    const built = buildWeb();
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(built)],
      destinationBucket: this.site,
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const app = new BucketDeployment(this, 'DeployApp', {
      sources: [Source.asset(built, { exclude: ['assets/**'] }), Source.jsonData('config.json', config)],
      destinationBucket: this.site,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    app.node.addDependency(assets);
    this.deployments = [assets, app];
  }
}
