import React from 'react';
import { Badge, Box, H5, Text } from '@adminjs/design-system';
import { ViewHelpers, type BasePropertyProps } from 'adminjs';

type Coverage = { number: number; text: string; rules: { id: number; name: string; enabled: boolean }[] };

/** Each 职权 of the position with the rules that implement it; clauses without a rule are marked. */
const AuthorityCoverage: React.FC<BasePropertyProps> = ({ record }) => {
  let coverage: Coverage[] = [];
  try {
    coverage = JSON.parse(String(record?.params?.authorityCoverage ?? '[]')) as Coverage[];
  } catch {
    coverage = [];
  }
  if (coverage.length === 0) return null;
  return (
    <Box mb="xl">
      <H5>职权与实施规则</H5>
      {coverage.map((clause) => (
        <Box key={clause.number} mb="default">
          <Text>
            职权{clause.number}、{clause.text}
          </Text>
          <Text color="grey60" ml="lg">
            {clause.rules.length === 0 ? (
              <Badge variant="secondary" outline size="sm">
                尚无规则实施
              </Badge>
            ) : (
              clause.rules.map((rule) => (
                <Badge
                  key={rule.id}
                  size="sm"
                  mr="sm"
                  variant={rule.enabled ? 'success' : 'secondary'}
                  outline={!rule.enabled}
                >
                  <a
                    href={new ViewHelpers().recordActionUrl({
                      resourceId: 'AuthorityRule',
                      recordId: String(rule.id),
                      actionName: 'show',
                    })}
                    style={{ color: 'inherit' }}
                  >
                    {rule.name}
                    {rule.enabled ? '' : '（已停用）'}
                  </a>
                </Badge>
              ))
            )}
          </Text>
        </Box>
      ))}
    </Box>
  );
};

export default AuthorityCoverage;
